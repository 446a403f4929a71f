package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broken-file corpus: every rule file of policy v1 with one piece deleted, an {@code end}, a {@code )}, a
 * {@code "} or a {@code ;} in a then part, at every place such a piece is. Each copy must be refused with errors that
 * name the file and a line within one of the defect (the rule's opening line for a missing {@code end}), and no
 * message may carry a Java class name or a stack trace.
 */
class BrokenFileCorpusTest {
    private static final RuleFiles POLICY = RuleFiles.readDirectory(Path.of("rules"));
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z]\\w*"
            + "|Exception|\\bat [a-z]+\\.|javaparser|antlr|\\$[A-Z]\\w*\\.java");
    private static final Pattern RULE = Pattern.compile("^rule\\b");

    /** One broken copy: which file, what was deleted where, and the line a good message names. */
    record Defect(String file, String kind, int offset, int line, int ruleLine) {
        @Override
        public String toString() {
            return file + ":" + line + " without its " + kind;
        }
    }

    static Stream<Defect> corpus() {
        List<Defect> defects = new ArrayList<>();
        POLICY.ruleFiles().forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            int offset = 0;
            int ruleLine = 0;
            boolean then = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                String code = line.strip();
                if (RULE.matcher(line).find()) {
                    ruleLine = i + 1;
                    then = false;
                } else if (code.equals("then")) {
                    then = true;
                }
                if (!code.startsWith("//")) {
                    if (code.equals("end")) {
                        defects.add(new Defect(file, "end", offset + line.indexOf("end"), i + 1, ruleLine));
                    }
                    int close = line.lastIndexOf(')');
                    if (close >= 0) {
                        defects.add(new Defect(file, ")", offset + close, i + 1, ruleLine));
                    }
                    int quote = line.lastIndexOf('"');
                    if (quote >= 0) {
                        defects.add(new Defect(file, "\"", offset + quote, i + 1, ruleLine));
                    }
                    if (then && code.endsWith(";")) {
                        defects.add(new Defect(file, ";", offset + line.lastIndexOf(';'), i + 1, ruleLine));
                    }
                }
                offset += line.length() + 1;
            }
        });
        return defects.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyErrorNamesTheFileAndALineNextToTheDefect(Defect defect) {
        Map<String, String> files = new TreeMap<>(POLICY.files());
        String text = files.get(defect.file());
        int length = defect.kind().equals("end") ? 3 : 1;
        files.put(defect.file(), text.substring(0, defect.offset()) + text.substring(defect.offset() + length));

        List<RuleProblem> problems = Compiling.problemsOf(files);
        List<RuleProblem> errors = problems.stream().filter(RuleProblem::isError).toList();

        assertThat(errors).as("the defect is found").isNotEmpty();
        for (RuleProblem error : errors) {
            assertThat(error.file()).as(error.toString()).isEqualTo(defect.file());
            if (defect.kind().equals("end")) {
                assertThat(error.line()).as(error.toString()).isEqualTo(defect.ruleLine());
                assertThat(error.message()).contains("opened at line " + defect.ruleLine()).contains("has no end");
            } else {
                assertThat(namesALineNear(error, defect.line())).as(error.toString()).isTrue();
            }
        }
        for (RuleProblem problem : problems) {
            assertThat(problem.message()).as(problem.toString()).doesNotContainPattern(CLASS_NAME);
        }
    }

    /** The problem's own line, or a line its message names, is within one of the defect's. */
    private static boolean namesALineNear(RuleProblem problem, int line) {
        if (Math.abs(problem.line() - line) <= 1) {
            return true;
        }
        Matcher named = Pattern.compile("line (\\d+)").matcher(problem.message());
        while (named.find()) {
            if (Math.abs(Integer.parseInt(named.group(1)) - line) <= 1) {
                return true;
            }
        }
        return false;
    }
}
