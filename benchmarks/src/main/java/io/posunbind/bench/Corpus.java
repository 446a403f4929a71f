package io.posunbind.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.posunbind.engine.CaseFacts;
import io.posunbind.engine.DecisionRequestParser;
import io.posunbind.engine.RuleFiles;
import io.posunbind.reference.CaseGenerator;

/** The benchmark inputs: the shipped rules and a fixed corpus of generated cases covering every verdict. */
final class Corpus {
    static final int SIZE = Integer.getInteger("bench.cases", 1000);
    static final long SEED = 20261126L;

    static {
        // Unconfigured, the JBoss log context enables every level and Drools then formats trace messages on the
        // hot path (a 5x slowdown). The service sets org.drools to WARN in application.properties; do the same.
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
        org.jboss.logmanager.LogContext.getLogContext().getLogger("org.drools").setLevel(java.util.logging.Level.WARNING);
    }

    private Corpus() {
    }

    static RuleFiles shippedRules() {
        return RuleFiles.readDirectory(Path.of(System.getProperty("bench.rules", "rules")));
    }

    /** The corpus's requests as JSON, as a calling system sends them. */
    static List<ObjectNode> requests() {
        return new CaseGenerator(SEED).generate(SIZE);
    }

    static List<CaseFacts> cases() {
        DecisionRequestParser parser = new DecisionRequestParser();
        return new CaseGenerator(SEED).generate(SIZE).stream()
                .map(request -> parser.parse(request, LocalDate.of(2026, 11, 26)))
                .toList();
    }
}
