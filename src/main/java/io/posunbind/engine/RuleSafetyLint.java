package io.posunbind.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses rule files that could reach the system. Rule files are data written by compliance officers; whatever
 * they contain is compiled into the service, so a rule may name only the fact vocabulary and the plain JDK types of
 * {@link RuleAllowlist}. Runs over the file's tokens rather than the parsed rules, so nothing escapes it because the
 * parser put it somewhere unexpected (attributes, {@code from}, functions, named consequences, globals), and it does
 * not need the file to parse: an unsafe file is refused before anything compiles it.
 */
public final class RuleSafetyLint {
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");

    /** Every problem of every rule file. */
    public List<RuleProblem> check(RuleFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        files.ruleFiles().forEach((path, text) -> problems.addAll(check(path, text)));
        return problems;
    }

    /** Every problem of one rule file, in file order. */
    public List<RuleProblem> check(String file, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        Matcher escape = UNICODE_ESCAPE.matcher(text);
        while (escape.find()) {
            int[] at = SourceText.position(text, escape.start());
            problems.add(new RuleProblem(RuleProblem.Level.ERROR, file, at[0], at[1], "The unicode escape "
                    + escape.group() + " is not allowed in a rule file: write the character itself. Java reads "
                    + "such escapes before anything else, so they can hide code inside comments and text."));
        }
        problems.addAll(new SafetyScan(file, CodeTokens.of(text)).run());
        return problems;
    }

    /** The plain-words message for a refused construct, naming it and what it would give a rule. */
    static String refused(String construct, String reaches) {
        return construct + " is not allowed in a rule file" + (reaches == null ? "" : ": it reaches " + reaches)
                + ". Rules may use only the fact types and plain values (text, numbers, amounts, dates, lists).";
    }
}
