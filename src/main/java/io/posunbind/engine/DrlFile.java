package io.posunbind.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * One rule file read by the DRL parser: its rules, patterns and conditions with their positions, and its syntax
 * errors with line and column as the parser found them. The parser is the same one the compiler uses, so what it
 * accepts here is what the compiler reads.
 *
 * @param path     the file's path in the rule set
 * @param text     the file's text
 * @param rules    the parsed package, or null when the file cannot be read at all
 * @param problems the syntax errors, in plain words
 */
record DrlFile(String path, String text, PackageDescr rules, List<RuleProblem> problems) {
    private static final Pattern PARSER_PREFIX = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ ");
    private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '(.*)'(.*)");
    private static final Pattern MISMATCHED = Pattern.compile("mismatched input '(.*?)'(?: expecting (.*?))?( in .*)?");
    private static final Pattern MISSING = Pattern.compile("missing (.*) at '(.*)'(.*)");
    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous input '(.*)' expecting (.*?)( in .*)?");

    static DrlFile parse(String path, String text) {
        DrlParser parser = new DrlParser();
        List<RuleProblem> problems = new ArrayList<>();
        PackageDescr rules;
        try {
            rules = parser.parse(false, text);
        } catch (DroolsParserException | RuntimeException e) {
            rules = null;
            problems.add(new RuleProblem(RuleProblem.Level.ERROR, path, 0, 0,
                    "The file cannot be read as rules", e.getMessage()));
        }
        for (DroolsError error : parser.getErrors()) {
            problems.add(syntaxError(path, error));
        }
        return new DrlFile(path, text, rules, List.copyOf(problems));
    }

    boolean parsed() {
        return rules != null && problems.isEmpty();
    }

    /** Every pattern of every rule, in file order, including those inside not, exists, from and accumulate. */
    List<PatternDescr> patterns() {
        List<PatternDescr> patterns = new ArrayList<>();
        if (rules != null) {
            rules.getRules().forEach(rule -> collect(rule.getLhs(), patterns));
        }
        return patterns;
    }

    /** Every pattern of one rule, in file order. */
    static List<PatternDescr> patterns(RuleDescr rule) {
        List<PatternDescr> patterns = new ArrayList<>();
        collect(rule.getLhs(), patterns);
        return patterns;
    }

    private static void collect(BaseDescr descr, List<PatternDescr> patterns) {
        if (descr instanceof PatternDescr pattern) {
            patterns.add(pattern);
            collect(pattern.getSource(), patterns);
        } else if (descr instanceof ConditionalElementDescr element) {
            element.getDescrs().forEach(child -> collect((BaseDescr) child, patterns));
        } else if (descr instanceof AccumulateDescr accumulate) {
            collect(accumulate.getInput(), patterns);
        } else if (descr instanceof CollectDescr collect) {
            collect(collect.getInputPattern(), patterns);
        }
    }

    /** {line, column}, 1-based, of a character offset. */
    int[] position(int offset) {
        return SourceText.position(text, offset);
    }

    private static RuleProblem syntaxError(String path, DroolsError error) {
        int line = error.getLines().length > 0 ? Math.max(error.getLines()[0], 0) : 0;
        int column = 0;
        if (error instanceof ParserError parserError) {
            line = Math.max(parserError.getRow(), 0);
            column = parserError.getCol() >= 0 ? parserError.getCol() + 1 : 0;
        }
        String original = error.getMessage();
        return new RuleProblem(RuleProblem.Level.ERROR, path, line, column, plainSyntax(original), original);
    }

    /** The parser's words (ANTLR's) turned into a sentence an officer can act on. */
    static String plainSyntax(String message) {
        String text = PARSER_PREFIX.matcher(message).replaceFirst("");
        Matcher m = NO_VIABLE.matcher(text);
        if (m.matches()) {
            return "Syntax error: `" + m.group(1) + "` is not expected here" + m.group(2)
                    + ". Check the brackets, commas and quotes just before it.";
        }
        m = MISMATCHED.matcher(text);
        if (m.matches()) {
            return "Syntax error: `" + m.group(1) + "` is not expected here"
                    + (m.group(2) == null ? "" : "; " + m.group(2) + " was expected")
                    + (m.group(3) == null ? "" : m.group(3)) + ".";
        }
        m = MISSING.matcher(text);
        if (m.matches()) {
            return "Syntax error: " + m.group(1) + " is missing before `" + m.group(2) + "`" + m.group(3) + ".";
        }
        m = EXTRANEOUS.matcher(text);
        if (m.matches()) {
            return "Syntax error: `" + m.group(1) + "` is one word too many here; " + m.group(2) + " was expected"
                    + (m.group(3) == null ? "" : m.group(3)) + ".";
        }
        return "Syntax error: " + text;
    }
}
