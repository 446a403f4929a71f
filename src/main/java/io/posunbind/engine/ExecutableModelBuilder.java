package io.posunbind.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL files into an executable model at run time. Each compilation gets a release id of its own and is
 * removed from the KIE repository (a static singleton) as soon as its container exists, so old rule sets can be
 * garbage collected once nothing uses them.
 */
final class ExecutableModelBuilder {
    private static final AtomicLong COMPILATIONS = new AtomicLong();

    /** The container when the rules compiled (null otherwise) and the compiler's problems, located in the files. */
    record Built(KieContainer container, List<RuleProblem> problems) {
    }

    /** Where the compiler reads a file: a decision table's generated DRL gets a .drl name of its own. */
    static String drlPath(String path) {
        return RuleFiles.isRuleFile(path) ? path : path + ".drl";
    }

    Built build(Map<String, DrlFile> files) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.posunbind.rules", "ruleset-" + COMPILATIONS.incrementAndGet(),
                "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        files.forEach((path, file) -> kfs.write(CompilerMessages.RESOURCES + drlPath(path), file.text()));
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs, LookupCache.INSTANCE).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            // The compiler has been seen to throw rather than report (a number compared with text); the checks
            // before it catch the known cases, this keeps an unknown one from becoming a stack trace.
            ks.getRepository().removeKieModule(releaseId);
            return new Built(null, List.of(new RuleProblem(RuleProblem.Level.ERROR, RuleProblem.WHOLE_RULE_SET, 0, 0,
                    "The rule compiler stopped on an internal error. Validate the files one by one to find the "
                    + "rule that causes it.", e.toString())));
        }
        List<RuleProblem> problems = CompilerMessages.of(builder.getResults().getMessages(), files);
        if (problems.stream().anyMatch(RuleProblem::isError)) {
            ks.getRepository().removeKieModule(releaseId);
            return new Built(null, problems);
        }
        try {
            return new Built(ks.newKieContainer(releaseId, LookupCache.INSTANCE), problems);
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }
}
