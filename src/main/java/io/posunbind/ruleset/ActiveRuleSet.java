package io.posunbind.ruleset;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.posunbind.config.UnbindConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * The rule set that decides. Loaded from the rules directory at startup; a directory that does not compile stops
 * the startup with every problem named, so a broken rule set never decides. Readers get one immutable compiled
 * rule set for a whole decision: a swap never mixes two versions in one decision.
 */
@ApplicationScoped
public class ActiveRuleSet {
    private static final Logger LOG = Logger.getLogger(ActiveRuleSet.class);

    private final AtomicReference<CompiledRuleSet> current = new AtomicReference<>();
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final UnbindConfig config;

    public ActiveRuleSet(UnbindConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Path directory = Path.of(config.rules().directory());
        RuleFiles files = RuleFiles.readDirectory(directory);
        CompiledRuleSet compiled = compiler.compile(files);
        compiled.warnings().forEach(w -> LOG.warn(w.toString()));
        current.set(compiled);
        LOG.infof("Rule set %s loaded from %s: %d rules in %d files", compiled.version(),
                directory.toAbsolutePath().normalize(), compiled.ruleCount(), files.ruleFiles().size());
    }

    /** The rule set deciding now. */
    public CompiledRuleSet get() {
        CompiledRuleSet ruleSet = current.get();
        if (ruleSet == null) {
            throw new RuleSetException("No rule set is loaded yet");
        }
        return ruleSet;
    }

    /** True once a rule set is loaded. */
    public boolean isLoaded() {
        return current.get() != null;
    }
}
