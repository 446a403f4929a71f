package io.posunbind.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * A decision table in CSV, the form officers edit in a spreadsheet: the Drools decision-table compiler turns it into
 * DRL, which then goes through every check a {@code .drl} file does. Before that, the table's shape and cells are
 * checked here, because the Drools compiler is lenient where an officer needs it strict: it silently drops a column
 * whose kind is misspelt ({@code CONDTION}) or a keyword it does not know ({@code Imports}). Each cell may hold only
 * what its column's code expects (an identifier, a number, a text without quotes, an {@code x}), so a cell can never
 * inject code. A problem in the generated DRL is reported at the row and column of the cell it came from.
 *
 * <p>The form, row by row: {@code RuleSet,<folder>}, {@code Import,...}, {@code Notes,...}, then for each table a
 * {@code RuleTable <name>} row followed by four header rows (the column kinds NAME, METADATA, CONDITION, ACTION;
 * the fact type of each condition; the code of each column with {@code $param} where the cell's value goes; a label
 * for people) and one row per rule, until a blank row.
 */
final class DecisionTable {
    private static final List<String> KEYWORDS = List.of("RuleSet", "Import", "Notes", "RuleTable");
    private static final List<String> KINDS = List.of("NAME", "METADATA", "CONDITION", "ACTION");
    private static final Pattern GENERATED_ROW = Pattern.compile("^// rule values at ([A-Z]+)(\\d+)");
    private static final Pattern FORALL = Pattern.compile("forall\\(([^)]*)\\)\\{(.*?)}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DECIMAL_PARAM = Pattern.compile("BigDecimal\\(\\s*\"\\$param\"\\s*\\)");

    /** One column of a table: what it is, its code and the label people read. */
    private record Column(int index, String kind, String objectType, String code, String label) {
        boolean quoted() {
            return code.contains("\"$param\"");
        }
    }

    private final String path;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<RuleProblem> problems = new ArrayList<>();
    /** The columns of the table each data row belongs to, by 1-based row. */
    private final Map<Integer, List<Column>> columnsOfRow = new HashMap<>();
    private int[] rowOfGeneratedLine = new int[0];
    private String drl;

    private DecisionTable(String path) {
        this.path = path;
    }

    /** Reads and checks the table; {@link #drl()} is its DRL when it has no problem, else null. */
    static DecisionTable read(String path, String text) {
        DecisionTable table = new DecisionTable(path);
        table.parse(text);
        if (table.problems.isEmpty()) {
            table.generate(text);
        }
        return table;
    }

    String drl() {
        return drl;
    }

    List<RuleProblem> problems() {
        return problems;
    }

    private void parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CsvLineParser parser = new CsvLineParser();
        String[] lines = body.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (count(lines[i], '"') % 2 != 0) {
                error(i + 1, 0, "The row has a quote (\") that is not closed. A cell with a comma or a quote is "
                        + "written in quotes, and a quote inside it is doubled (\"\").");
                rows.add(List.of());
            } else {
                rows.add(parser.parse(lines[i]).stream().map(String::strip).toList());
            }
        }
        boolean ruleSet = false;
        for (int r = 0; r < rows.size(); r++) {
            String first = cell(r, 0);
            if (first.isEmpty()) {
                blankOrStray(r);
                continue;
            }
            String keyword = first.split("\\s+", 2)[0];
            if (keyword.equals("RuleTable")) {
                r = table(r);
            } else if (keyword.equals("RuleSet")) {
                ruleSet = true;
                if (cell(r, 1).isEmpty()) {
                    error(r + 1, 2, "The RuleSet row names the folder the table is in, like `RuleSet,"
                            + RuleNames.expectedPackage(path) + "`.");
                }
            } else if (!keyword.equals("Import") && !keyword.equals("Notes")) {
                error(r + 1, 1, "`" + first + "` is not a row this table understands. The rows are "
                        + String.join(", ", KEYWORDS) + ", a blank row, and the rows of a table"
                        + suggestion(keyword, KEYWORDS) + ".");
            }
        }
        if (!ruleSet) {
            error(1, 1, "The table has no RuleSet row: start the file with `RuleSet," + RuleNames.expectedPackage(path)
                    + "` (the folder's name).");
        }
        if (columnsOfRow.isEmpty() && problems.isEmpty()) {
            error(1, 1, "The file has no RuleTable row, so it holds no rule: a table starts with a row "
                    + "`RuleTable <name>` and its four header rows.");
        }
    }

    /** Reads the table whose RuleTable row is r (0-based); answers the last row that belongs to it. */
    private int table(int r) {
        int kinds = r + 1;
        int types = r + 2;
        int codes = r + 3;
        int labels = r + 4;
        if (labels >= rows.size()) {
            error(r + 1, 1, "The table needs four rows under `RuleTable`: the column kinds, the fact types, the "
                    + "code of each column and a label for each column.");
            return rows.size();
        }
        List<Column> columns = new ArrayList<>();
        int width = rows.get(kinds).size();
        for (int c = 0; c < width; c++) {
            String kind = cell(kinds, c);
            if (kind.isEmpty()) {
                continue;
            }
            if (!KINDS.contains(kind)) {
                error(kinds + 1, c + 1, "`" + kind + "` is not a kind of column. The kinds are "
                        + String.join(", ", KINDS) + suggestion(kind, KINDS) + ".");
                continue;
            }
            String label = cell(labels, c).isEmpty() ? kind : cell(labels, c);
            Column column = new Column(c, kind, cell(types, c), cell(codes, c), label);
            if (!kind.equals("NAME") && column.code().isEmpty() && !(kind.equals("CONDITION")
                    && !column.objectType().isEmpty())) {
                error(codes + 1, c + 1, "The " + kind + " column \"" + label + "\" has no code in this row: write "
                        + "what the column does, with $param where the cell's value goes.");
            }
            columns.add(column);
        }
        if (columns.stream().filter(c -> c.kind().equals("NAME")).count() != 1) {
            error(kinds + 1, 1, "The table needs exactly one NAME column: each row's rule name, a sentence an "
                    + "auditor reads in the answers.");
        }
        int last = labels;
        for (int row = labels + 1; row < rows.size() && !blank(row) && !cell(row, 0).startsWith("RuleTable"); row++) {
            columnsOfRow.put(row + 1, columns);
            cells(row, columns, width);
            last = row;
        }
        return last;
    }

    private void cells(int row, List<Column> columns, int width) {
        for (int c = width; c < rows.get(row).size(); c++) {
            if (!cell(row, c).isEmpty()) {
                error(row + 1, c + 1, "The cell " + letters(c + 1) + (row + 1) + " holds a value in a column "
                        + "without a kind; add the column's four header cells or empty the cell.");
            }
        }
        for (Column column : columns) {
            String value = cell(row, column.index());
            String where = "\"" + column.label() + "\"";
            if (value.isEmpty()) {
                if (column.kind().equals("NAME") || column.kind().equals("ACTION")) {
                    error(row + 1, column.index() + 1, where + " is empty; every row needs one.");
                }
                continue;
            }
            if (value.contains("\\") || (value.contains("\"") && !column.kind().equals("METADATA"))) {
                error(row + 1, column.index() + 1, where + " holds a quote or a backslash, which this column "
                        + "cannot take: write the value without them.");
                continue;
            }
            checkValue(row, column, value, where);
        }
    }

    private void checkValue(int row, Column column, String value, String where) {
        if (column.kind().equals("NAME") || column.kind().equals("METADATA")) {
            return;
        }
        Matcher forall = FORALL.matcher(column.code());
        if (forall.find()) {
            for (String item : value.split(",")) {
                if (!IDENTIFIER.matcher(item.strip()).matches()) {
                    error(row + 1, column.index() + 1, where + " lists `" + item.strip() + "`, which is not a "
                            + "value name: write names like SWITCH_PROVIDER, separated by commas.");
                }
            }
        } else if (!column.code().contains("$param") && !column.code().matches("(?s).*\\$\\d.*")) {
            if (!value.equalsIgnoreCase("x")) {
                error(row + 1, column.index() + 1, where + " is a yes-or-no column: write x for yes, or leave it "
                        + "empty for no (not `" + value + "`).");
            }
        } else if (DECIMAL_PARAM.matcher(column.code()).find() && !NUMBER.matcher(value).matches()) {
            error(row + 1, column.index() + 1, where + " must be a number written with a point for decimals, like "
                    + "50.00, not `" + value + "`.");
        } else if (!column.quoted() && !NUMBER.matcher(value).matches() && !IDENTIFIER.matcher(value).matches()) {
            error(row + 1, column.index() + 1, where + " must be a number or a value name, not `" + value + "`.");
        }
    }

    private void generate(String text) {
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    InputType.CSV);
        } catch (RuntimeException e) {
            error(0, 0, "The table cannot be read: " + PlainWords.withoutClassNames(String.valueOf(e.getMessage())));
            return;
        }
        String[] lines = drl.split("\n", -1);
        rowOfGeneratedLine = new int[lines.length + 2];
        int row = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = GENERATED_ROW.matcher(lines[i]);
            if (m.find()) {
                row = Integer.parseInt(m.group(2));
            }
            rowOfGeneratedLine[i + 1] = row;
        }
    }

    /**
     * The problem moved from the generated DRL to the table: the row the rule came from and the column whose value
     * is on the reported line (nearest the reported column), its label in front of the message.
     */
    RuleProblem locate(RuleProblem problem) {
        if (problem.line() <= 0 || problem.line() >= rowOfGeneratedLine.length) {
            return problem;
        }
        int row = rowOfGeneratedLine[problem.line()];
        List<Column> columns = columnsOfRow.get(row);
        if (row == 0 || columns == null) {
            return new RuleProblem(problem.level(), path, 0, 0, "In the table's RuleSet or Import rows: "
                    + problem.message(), problem.detail());
        }
        String line = drl.split("\n", -1)[problem.line() - 1];
        Column best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Column column : columns) {
            String value = cell(row - 1, column.index());
            for (String part : value.split(",")) {
                int at = part.isBlank() ? -1 : line.indexOf(part.strip());
                if (at >= 0) {
                    int distance = problem.column() <= 0 ? at : Math.abs(problem.column() - 1 - at);
                    if (distance < bestDistance) {
                        best = column;
                        bestDistance = distance;
                    }
                }
            }
        }
        if (best == null) {
            return new RuleProblem(problem.level(), path, row, 0, "Row " + row + ": " + problem.message(),
                    problem.detail());
        }
        return new RuleProblem(problem.level(), path, row, best.index() + 1, "Row " + row + ", column "
                + letters(best.index() + 1) + " \"" + best.label() + "\": " + problem.message(), problem.detail());
    }

    private void blankOrStray(int r) {
        for (int c = 1; c < rows.get(r).size(); c++) {
            if (!cell(r, c).isEmpty()) {
                error(r + 1, c + 1, "The cell " + letters(c + 1) + (r + 1) + " holds a value outside any table; "
                        + "a table starts with a `RuleTable <name>` row in column A.");
                return;
            }
        }
    }

    private boolean blank(int r) {
        return rows.get(r).stream().allMatch(String::isEmpty);
    }

    private String cell(int r, int c) {
        List<String> row = r < rows.size() ? rows.get(r) : List.of();
        return c < row.size() ? row.get(c) : "";
    }

    private void error(int row, int column, String message) {
        String at = row > 0 ? "Row " + row + (column > 0 ? ", column " + letters(column) : "") + ": " : "";
        problems.add(new RuleProblem(RuleProblem.Level.ERROR, path, row, column, at + message));
    }

    /** A, B, ..., Z, AA: the column as a spreadsheet names it. */
    static String letters(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }

    private static String suggestion(String word, List<String> known) {
        String nearest = FactVocabulary.nearest(word, known);
        return nearest == null ? "" : " (did you mean " + nearest + "?)";
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }
}
