package io.posunbind.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles DRL files into an executable model at run time, or loads the model kept from an earlier compilation of
 * the same files ({@link CompiledModelStore}). Either way the rule base is built from the model's bytes
 * ({@link CompiledModel#load}). Each compilation gets a release id of its own and is removed from the KIE repository
 * (a static singleton) as soon as its model is read, so nothing static keeps a rule set.
 */
final class ExecutableModelBuilder {
    private static final AtomicLong COMPILATIONS = new AtomicLong();

    private final CompiledModelStore store;

    ExecutableModelBuilder(CompiledModelStore store) {
        this.store = store;
    }

    /**
     * The rule base when the rules compiled (null otherwise), the compiler's problems located in the files, and
     * whether it was loaded from the store rather than compiled.
     */
    record Built(KieBase base, List<RuleProblem> problems, boolean kept) {
    }

    /** Where the compiler reads a file: a decision table's generated DRL gets a .drl name of its own. */
    static String drlPath(String path) {
        return RuleFiles.isRuleFile(path) ? path : path + ".drl";
    }

    Built build(Map<String, DrlFile> files) {
        Optional<String> key = CompiledModel.key(files);
        Optional<byte[]> kept = key.flatMap(store::read);
        if (kept.isPresent()) {
            try {
                return new Built(CompiledModel.load(kept.get()), List.of(), true);
            } catch (RuntimeException | LinkageError e) {
                store.discard(key.get(), e.toString());
            }
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.posunbind.rules", "ruleset-" + COMPILATIONS.incrementAndGet(),
                "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        files.forEach((path, file) -> kfs.write(CompilerMessages.RESOURCES + drlPath(path), file.text()));
        byte[] model;
        List<RuleProblem> problems;
        try {
            KieBuilder builder = ks.newKieBuilder(kfs, LookupCache.INSTANCE).buildAll(ExecutableModelProject.class);
            problems = CompilerMessages.of(builder.getResults().getMessages(), files);
            if (problems.stream().anyMatch(RuleProblem::isError)) {
                return new Built(null, problems, false);
            }
            model = CompiledModel.of((InternalKieModule) builder.getKieModule(), releaseId);
        } catch (RuntimeException e) {
            // The compiler has been seen to throw rather than report (a number compared with text); the checks
            // before it catch the known cases, this keeps an unknown one from becoming a stack trace.
            return new Built(null, List.of(new RuleProblem(RuleProblem.Level.ERROR, RuleProblem.WHOLE_RULE_SET, 0, 0,
                    "The rule compiler stopped on an internal error. Validate the files one by one to find the "
                    + "rule that causes it.", e.toString())), false);
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
        KieBase base = CompiledModel.load(model);
        if (problems.isEmpty() && key.isPresent()) {
            // Only a compilation without a single message is kept: a kept one answers no problems.
            store.write(key.get(), model);
        }
        return new Built(base, problems, false);
    }
}
