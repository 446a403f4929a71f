package io.posunbind.ruleset;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.RequestJson;
import io.posunbind.engine.RuleFiles;
import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;

/**
 * Reads {@code {"files": {"path": "text", ...}}}. Paths are relative and stay inside the rule set: no {@code ..}, no
 * leading slash or drive, no backslash, so an upload names the same files a rules directory would.
 */
public final class RuleSetUpload {
    private static final int MAX_LABEL = 200;

    /** A candidate to store: its files and the label it is stored under (null when none). */
    public record Candidate(RuleFiles files, String label) {
    }

    private RuleSetUpload() {
    }

    static RuleFiles parse(byte[] body) {
        return parse(body, false).files();
    }

    /** Reads {@code {"files": {...}, "label": "..."}}, the body of a rule set to store. */
    public static Candidate parseCandidate(byte[] body) {
        return parse(body, true);
    }

    private static Candidate parse(byte[] body, boolean labelAllowed) {
        JsonNode root = RequestJson.read(body);
        JsonNode files = root.path("files");
        if (!root.isObject() || !files.isObject() || files.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldError("files",
                    "an object of file paths to file texts is required, with at least one file")));
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> texts = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> file = it.next();
            String path = file.getKey();
            String where = "files." + path;
            String pathProblem = pathProblem(path);
            if (pathProblem != null) {
                errors.add(new FieldError(where, pathProblem));
            } else if (!file.getValue().isTextual()) {
                errors.add(new FieldError(where, "the file's text must be a JSON string"));
            } else {
                texts.put(path, file.getValue().asText());
            }
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals("files") && !(labelAllowed && name.equals("label"))) {
                errors.add(new FieldError(name, labelAllowed ? "unknown field; only files and label are accepted"
                        : "unknown field; only files is accepted"));
            }
        });
        JsonNode label = root.path("label");
        if (labelAllowed && !label.isMissingNode() && !label.isNull()
                && (!label.isTextual() || label.asText().length() > MAX_LABEL)) {
            errors.add(new FieldError("label", "the label must be text of at most " + MAX_LABEL + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Candidate(RuleFiles.of(texts), label.isTextual() && !label.asText().isBlank()
                ? label.asText().strip() : null);
    }

    private static String pathProblem(String path) {
        if (path.isBlank()) {
            return "a file path must not be empty";
        }
        if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
            return "a file path must be relative, with / between folders";
        }
        for (String part : path.split("/", -1)) {
            if (part.equals("..") || part.equals(".") || part.isEmpty()) {
                return "a file path must not contain empty, . or .. parts";
            }
            if (part.startsWith(".")) {
                return "a file path must not name hidden files";
            }
        }
        return null;
    }
}
