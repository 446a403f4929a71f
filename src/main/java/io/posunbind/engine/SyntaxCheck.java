package io.posunbind.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structure of a rule file, checked before the DRL parser sees it, so a missing piece is reported where it
 * went missing in words that name it. The parser, meeting a rule without {@code end}, complains lines later inside
 * the next rule; meeting an unclosed parenthesis or quote, it reports what it found instead of what is missing.
 * This check reads the file as blocks (each {@code rule} to its {@code end}) and within each block follows quotes
 * and brackets, skipping comments:
 * <ul>
 * <li>a rule that reaches the next {@code rule} or the end of the file without {@code end}:
 * {@code rule "X" opened at line 10 has no end};</li>
 * <li>a text whose closing quote is missing, at the opening quote;</li>
 * <li>a parenthesis, bracket or brace that is never closed, where it opened; one closed by the wrong kind or one
 * too many, where it is;</li>
 * <li>a rule without {@code when} or {@code then}.</li>
 * </ul>
 * One problem per block at most: what follows a structural error would only repeat it. A file with none of these
 * goes to the parser, whose remaining findings are put in plain words by {@link DrlFile}.
 */
final class SyntaxCheck {
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(\"[^\"\\n]*\"?|\\S+)");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b");
    /** A condition starting on its line: {@code not Fee(}, {@code $t : Terminal(}, {@code Account(}. */
    private static final Pattern PATTERN_START = Pattern.compile(
            "^\\s*(not\\b|exists\\b|forall\\b|accumulate\\b|\\$\\w+\\s*:\\s*[A-Z]\\w*\\s*\\(|[A-Z]\\w*\\s*\\()");
    private static final String OPENERS = "([{";
    private static final String CLOSERS = ")]}";

    private record Open(char bracket, int line, int column) {
        boolean isBrace() {
            return bracket == '{';
        }
    }

    private final String path;
    private final String[] lines;
    private final List<RuleProblem> problems = new ArrayList<>();

    private SyntaxCheck(String path, String text) {
        this.path = path;
        this.lines = text.split("\n", -1);
    }

    static List<RuleProblem> check(String path, String text) {
        SyntaxCheck check = new SyntaxCheck(path, text);
        check.run();
        return check.problems;
    }

    private void run() {
        int blockStart = 0;
        String ruleName = null;
        int ruleLine = 0;
        boolean inComment = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher rule = inComment ? null : RULE.matcher(lines[i]);
            if (rule != null && rule.find()) {
                if (ruleName != null) {
                    missingEnd(ruleName, ruleLine, i);
                } else {
                    block(blockStart, i, null);
                }
                ruleName = rule.group(1);
                ruleLine = i + 1;
                blockStart = i;
            } else if (!inComment && ruleName != null && END.matcher(lines[i]).find()) {
                block(blockStart, i + 1, ruleName);
                ruleName = null;
                blockStart = i + 1;
            }
            inComment = commentOpenAfter(lines[i], inComment);
        }
        if (ruleName != null) {
            missingEnd(ruleName, ruleLine, lines.length);
        } else {
            block(blockStart, lines.length, null);
        }
    }

    /** A rule without end: its brackets and quotes are checked first, as their error is the likelier cause. */
    private void missingEnd(String ruleName, int ruleLine, int nextBlock) {
        int before = problems.size();
        block(ruleLine - 1, nextBlock, null);
        if (problems.size() == before) {
            problems.add(error(ruleLine, 1, "rule " + ruleName + " opened at line " + ruleLine + " has no end"
                    + (nextBlock < lines.length ? " before the next rule at line " + (nextBlock + 1) : "")
                    + ": write `end` on a line of its own after its then part."));
        }
    }

    /** Checks lines [from, to) as one block; ruleName is set when the block is a complete rule. */
    private void block(int from, int to, String ruleName) {
        Deque<Open> open = new ArrayDeque<>();
        boolean inComment = false;
        boolean when = false;
        boolean then = false;
        int[] statement = null; // in the then part: the last character of a statement that no ; has ended yet
        for (int i = from; i < to; i++) {
            String line = lines[i];
            String code = line.strip();
            boolean keyword = !inComment && (WHEN.matcher(line).find() || THEN.matcher(line).find()
                    || END.matcher(line).find());
            boolean nextPattern = when && !then && !inComment && PATTERN_START.matcher(line).find();
            if ((keyword || nextPattern) && !open.isEmpty() && !open.peek().isBrace()) {
                unclosed(open.peek(), lastCodeLine(open.peek().line(), i));
                return;
            }
            boolean startsStatement = !inComment && !code.isEmpty() && !code.startsWith("//")
                    && !code.startsWith("/*") && !continues(code);
            if (then && statement != null && open.stream().noneMatch(o -> !o.isBrace()) && startsStatement) {
                missingSemicolon(statement);
                return;
            }
            if (!inComment) {
                when |= WHEN.matcher(line).find();
                then |= THEN.matcher(line).find();
            }
            int last = -1;
            char lastChar = 0;
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (inComment) {
                    if (ch == '*' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                        inComment = false;
                        c++;
                    }
                    continue;
                }
                if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                    break;
                }
                if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '*') {
                    inComment = true;
                    c++;
                    continue;
                }
                if (Character.isWhitespace(ch)) {
                    continue;
                }
                if (ch == '"' || ch == '\'') {
                    int close = closingQuote(line, c);
                    if (close < 0) {
                        problems.add(error(i + 1, c + 1, (ch == '"' ? "The text" : "The quoted value")
                                + " opened at line " + (i + 1) + ", column " + (c + 1) + " has no closing "
                                + (ch == '"' ? "quote (\")" : "quote (')") + " on its line: a text ends on the line "
                                + "it starts."));
                        return;
                    }
                    c = close;
                } else if (ch == ';' && then && !open.isEmpty() && !open.peek().isBrace()) {
                    unclosed(open.peek(), " before the ; at line " + (i + 1) + ", column " + (c + 1));
                    return;
                } else if (OPENERS.indexOf(ch) >= 0) {
                    open.push(new Open(ch, i + 1, c + 1));
                } else if (CLOSERS.indexOf(ch) >= 0) {
                    char expected = open.isEmpty() ? 0 : CLOSERS.charAt(OPENERS.indexOf(open.peek().bracket()));
                    if (ch != expected) {
                        problems.add(error(i + 1, c + 1, open.isEmpty()
                                ? "This " + ch + " closes nothing: there is one " + ch + " too many, or the "
                                  + opener(ch) + " before it is missing."
                                : "This " + ch + " closes the " + open.peek().bracket() + " opened at line "
                                  + open.peek().line() + ", column " + open.peek().column() + ", which needs "
                                  + expected + ": one of the two is missing or wrong."));
                        return;
                    }
                    open.pop();
                }
                last = c;
                lastChar = ch;
            }
            if (then && !keyword && last >= 0) {
                statement = lastChar == ';' || lastChar == '{' || lastChar == '}' ? null : new int[] {i + 1, last};
            }
        }
        if (!open.isEmpty()) {
            unclosed(open.peek(), lastCodeLine(open.peek().line(), to));
            return;
        }
        if (then && statement != null) {
            missingSemicolon(statement);
            return;
        }
        if (ruleName != null && (!when || !then)) {
            problems.add(error(from + 1, 1, "rule " + ruleName + " has no " + (!when ? "when" : "then")
                    + " part: a rule is `rule \"name\"`, its metadata, `when` and its conditions, `then` and its "
                    + "actions, `end`."));
        }
    }

    private void missingSemicolon(int[] statement) {
        problems.add(error(statement[0], statement[1] + 1, "The statement that ends at line " + statement[0]
                + " has no ; after it: write ; at the end of line " + statement[0] + "."));
    }

    /** A line that carries on the statement before it: {@code .with(...)}, {@code ? a : b}, an operator. */
    private static boolean continues(String code) {
        return !code.isEmpty() && ".?:+-*/&|,)".indexOf(code.charAt(0)) >= 0;
    }

    private void unclosed(Open bracket, String where) {
        problems.add(error(bracket.line(), bracket.column(), "The " + bracket.bracket() + " opened at line "
                + bracket.line() + ", column " + bracket.column() + " is not closed" + where + ": a "
                + CLOSERS.charAt(OPENERS.indexOf(bracket.bracket())) + " is missing."));
    }

    /** Where the text should have been closed: the last line with code before the block's next keyword. */
    private String lastCodeLine(int openedAt, int to) {
        for (int i = to - 1; i >= openedAt; i--) {
            String line = lines[i].strip();
            boolean keyword = END.matcher(lines[i]).find() || THEN.matcher(lines[i]).find()
                    || WHEN.matcher(lines[i]).find();
            if (!line.isEmpty() && !line.startsWith("//") && !keyword && i + 1 > openedAt) {
                return " by the end of line " + (i + 1);
            }
        }
        return " on its line";
    }

    private static int closingQuote(String line, int open) {
        char quote = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static boolean commentOpenAfter(String line, boolean inComment) {
        boolean open = inComment;
        char quote = 0;
        for (int c = 0; c < line.length(); c++) {
            char ch = line.charAt(c);
            if (open) {
                if (ch == '*' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                    open = false;
                    c++;
                }
            } else if (quote != 0) {
                if (ch == '\\') {
                    c++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                return false;
            } else if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '*') {
                open = true;
                c++;
            }
        }
        return open;
    }

    private static char opener(char closer) {
        return OPENERS.charAt(CLOSERS.indexOf(closer));
    }

    private RuleProblem error(int line, int column, String message) {
        return new RuleProblem(RuleProblem.Level.ERROR, path, line, column, message);
    }
}
