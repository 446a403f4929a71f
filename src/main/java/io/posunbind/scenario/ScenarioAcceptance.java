package io.posunbind.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Review and accept: sets each failing scenario's expectations to the answer it now gets, changing only what the
 * scenario already pins ({@link Accepting}) and only those characters of its file, so {@code git diff} shows
 * exactly the values that changed. The worked examples ({@code tests/examples/}) are the policy owner's sign-off and
 * are rewritten only when asked to.
 */
public final class ScenarioAcceptance {

    /** A scenario whose expectations were set to its new answer, with what changed (as the failure said it). */
    public record Change(String file, String scenario, List<String> what) {
    }

    /**
     * The outcome.
     *
     * @param files       every scenario file that changed, by path, with its new text
     * @param changes     each accepted scenario
     * @param notAccepted failing scenarios left as they are: worked examples (without acceptExamples) and scenarios
     *                    that could not be decided, each by its display name
     */
    public record Accepted(SortedMap<String, String> files, List<Change> changes, List<String> notAccepted) {
    }

    private record Edit(int start, int end, String text) {
    }

    private ScenarioAcceptance() {
    }

    /** True for a worked example of the policy: a file below {@code tests/examples/}. */
    public static boolean isWorkedExample(String path) {
        return ("/" + path).contains("/tests/examples/");
    }

    /**
     * Accepts the failing results' answers into the scenario files.
     *
     * @param texts          the scenario files' texts by path
     * @param scenarios      every scenario of those files, in file order, as {@link ScenarioFiles} reads them
     * @param results        the scenarios' results, with their answers
     * @param acceptExamples whether the worked examples are rewritten too
     */
    public static Accepted accept(Map<String, String> texts, List<Scenario> scenarios, List<ScenarioResult> results,
                                  boolean acceptExamples) {
        Map<String, ScenarioResult> byName = new HashMap<>();
        results.forEach(r -> byName.put(r.displayName(), r));
        Map<String, List<Edit>> edits = new TreeMap<>();
        Map<String, JsonSpans.Span> spans = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        List<String> notAccepted = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            int position = index.merge(scenario.file(), 1, Integer::sum) - 1;
            ScenarioResult result = byName.get(scenario.displayName());
            if (result == null || result.passed()) {
                continue;
            }
            if (result.answer() == null || (isWorkedExample(scenario.file()) && !acceptExamples)) {
                notAccepted.add(scenario.displayName());
                continue;
            }
            String text = texts.get(scenario.file());
            JsonSpans.Span root = spans.computeIfAbsent(scenario.file(), f -> JsonSpans.parse(text));
            JsonSpans.Span scenarioSpan = root.field("scenarios") == null ? root
                    : root.field("scenarios").items().get(position);
            JsonNode accepted = Accepting.accept(scenario.expected(), result.answer());
            List<Edit> found = new ArrayList<>();
            edits(scenario.expected(), accepted, scenarioSpan.field("expected"), text, found);
            if (found.isEmpty()) {
                notAccepted.add(scenario.displayName());
            } else {
                edits.computeIfAbsent(scenario.file(), f -> new ArrayList<>()).addAll(found);
                changes.add(new Change(scenario.file(), scenario.name(), result.mismatches()));
            }
        }
        SortedMap<String, String> files = new TreeMap<>();
        edits.forEach((file, list) -> files.put(file, apply(texts.get(file), list)));
        return new Accepted(files, changes, notAccepted);
    }

    /** The smallest replacements turning the old value's text into the new value's. */
    private static void edits(JsonNode old, JsonNode accepted, JsonSpans.Span span, String text, List<Edit> out) {
        if (old == accepted) {
            return;
        }
        if (old.isObject() && accepted.isObject() && sameFields(old, accepted)) {
            for (Iterator<String> it = old.fieldNames(); it.hasNext();) {
                String name = it.next();
                edits(old.get(name), accepted.get(name), span.field(name), text, out);
            }
            return;
        }
        if (old.isArray() && accepted.isArray() && old.size() == accepted.size()) {
            for (int i = 0; i < old.size(); i++) {
                edits(old.get(i), accepted.get(i), span.items().get(i), text, out);
            }
            return;
        }
        if (old.equals(accepted)) {
            return;
        }
        if (old.isArray() && accepted.isArray() && !old.isEmpty() && !accepted.isEmpty()
                && listEdits(old, accepted, span, text, out)) {
            return;
        }
        int lineStart = text.lastIndexOf('\n', span.start() - 1) + 1;
        int indent = 0;
        while (lineStart + indent < text.length() && text.charAt(lineStart + indent) == ' ') {
            indent++;
        }
        String replacement = old.isNumber() && accepted.isNumber()
                ? number(accepted, text.substring(span.start(), span.end()))
                : JsonLayout.render(accepted, indent, span.start() - lineStart);
        out.add(new Edit(span.start(), span.end(), replacement));
    }

    /**
     * A list that grew or shrank, edited element by element: the elements both lists have (by code, or equal) keep
     * their text, new ones are written in the style of their neighbours, removed ones leave with their separator.
     * False when the elements moved, then the caller rewrites the list.
     */
    private static boolean listEdits(JsonNode old, JsonNode accepted, JsonSpans.Span span, String text,
                                     List<Edit> out) {
        int[] match = new int[accepted.size()];
        int next = 0;
        for (int j = 0; j < accepted.size(); j++) {
            match[j] = -1;
            for (int i = next; i < old.size(); i++) {
                if (same(old.get(i), accepted.get(j))) {
                    match[j] = i;
                    next = i + 1;
                    break;
                }
            }
        }
        List<Edit> found = new ArrayList<>();
        boolean[] kept = new boolean[old.size()];
        for (int j = 0; j < accepted.size(); j++) {
            if (match[j] >= 0) {
                kept[match[j]] = true;
                edits(old.get(match[j]), accepted.get(j), span.items().get(match[j]), text, found);
            }
        }
        List<JsonSpans.Span> items = span.items();
        String separator = items.size() > 1 ? text.substring(items.get(0).end(), items.get(1).start())
                : text.substring(span.start(), span.end()).contains("\n")
                ? ",\n" + " ".repeat(indentOf(text, items.get(0).start())) : ", ";
        boolean expanded = text.substring(items.get(0).start(), items.get(0).end()).contains("\n");
        int indent = indentOf(text, items.get(0).start());
        for (int i = 0; i < old.size(); i++) {
            if (!kept[i]) {
                boolean last = i == old.size() - 1;
                found.add(i > 0 ? new Edit(items.get(i - 1).end(), items.get(i).end(), "")
                        : new Edit(items.get(i).start(), last ? items.get(i).end() : items.get(i + 1).start(), ""));
            }
        }
        int previous = -1;
        for (int j = 0; j < accepted.size(); j++) {
            if (match[j] >= 0) {
                previous = match[j];
                continue;
            }
            String element = expanded ? JsonLayout.render(accepted.get(j), indent, JsonLayout.WIDTH + 1)
                    : JsonLayout.render(accepted.get(j), indent, items.get(0).start()
                    - (text.lastIndexOf('\n', items.get(0).start() - 1) + 1));
            found.add(previous >= 0 ? new Edit(items.get(previous).end(), items.get(previous).end(), separator + element)
                    : new Edit(items.get(0).start(), items.get(0).start(), element + separator));
        }
        boolean anyKept = false;
        for (boolean k : kept) {
            anyKept |= k;
        }
        if (!anyKept) {
            return false;
        }
        out.addAll(found);
        return true;
    }

    /** The same element of a list: the same code (and subject), or equal. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject() && a.has("code") && b.has("code")) {
            return Expectations.key(a).equals(Expectations.key(b));
        }
        return a.equals(b);
    }

    private static int indentOf(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int indent = 0;
        while (lineStart + indent < text.length() && text.charAt(lineStart + indent) == ' ') {
            indent++;
        }
        return indent;
    }

    /** The new number written with as many decimals as the old one had (50.00 becomes 60.00, 2 becomes 3). */
    private static String number(JsonNode value, String before) {
        int point = before.indexOf('.');
        int places = point < 0 ? 0 : before.length() - point - 1;
        BigDecimal number = value.decimalValue().stripTrailingZeros();
        return number.setScale(Math.max(places, Math.max(number.scale(), 0))).toPlainString();
    }

    private static boolean sameFields(JsonNode a, JsonNode b) {
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        a.fieldNames().forEachRemaining(left::add);
        b.fieldNames().forEachRemaining(right::add);
        return left.equals(right);
    }

    private static String apply(String text, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        // from the end backwards; at one place, what is removed goes before what is inserted there
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Edit edit : sorted) {
            out.replace(edit.start(), edit.end(), edit.text());
        }
        return out.toString();
    }
}
