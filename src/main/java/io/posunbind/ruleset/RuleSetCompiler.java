package io.posunbind.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles the DRL files of a rule set into an executable model at run time. Each compilation gets a release id
 * of its own and is removed from the KIE repository (a static singleton) as soon as its container exists, so old
 * rule sets can be garbage collected once nothing uses them.
 */
public class RuleSetCompiler {
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong COMPILATIONS = new AtomicLong();

    /** Compiles the rule set, or throws {@link RuleSetCompilationException} naming every problem. */
    public CompiledRuleSet compile(RuleFiles ruleFiles) {
        Map<String, String> rules = ruleFiles.ruleFiles();
        if (rules.isEmpty()) {
            throw new RuleSetCompilationException(List.of(new RuleProblem(RuleProblem.Level.ERROR, "(rule set)", 0, 0,
                    "The rule set holds no .drl file")));
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.posunbind.rules", "ruleset-" + COMPILATIONS.incrementAndGet(),
                "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        rules.forEach((path, text) -> kfs.write(RESOURCES + path, text));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<RuleProblem> problems = problemsOf(builder.getResults().getMessages(), rules);
        if (problems.stream().anyMatch(p -> p.level() == RuleProblem.Level.ERROR)) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RuleSetCompilationException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        try {
            return new CompiledRuleSet(ruleFiles, container, problems);
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static List<RuleProblem> problemsOf(List<Message> messages, Map<String, String> rules) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Message m : messages) {
            if (m.getLevel() == Message.Level.INFO) {
                continue;
            }
            String file = m.getPath() == null ? "(rule set)" : m.getPath().replaceFirst("^" + RESOURCES, "");
            RuleProblem.Level level = m.getLevel() == Message.Level.ERROR
                    ? RuleProblem.Level.ERROR : RuleProblem.Level.WARNING;
            int line = Math.max(m.getLine(), 0);
            int column = Math.max(m.getColumn(), 0);
            String text = m.getText() == null ? "" : m.getText().strip();
            if (line == 0 && rules.containsKey(file)) {
                int[] found = SourceLocator.locate(rules.get(file), text);
                line = found[0];
                column = found[1];
            }
            problems.add(new RuleProblem(level, file, line, column, text));
        }
        return problems;
    }
}
