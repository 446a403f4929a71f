package io.posunbind.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of a rule set: every file by its relative path ('/'-separated), and the version computed over the
 * files that affect decisions. Scenario files and documentation are carried along but do not change the version:
 * editing a scenario does not change what the service decides.
 */
public record RuleFiles(SortedMap<String, String> files, String version) {

    public RuleFiles {
        files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** Builds the rule set from file texts, computing its version. */
    public static RuleFiles of(Map<String, String> files) {
        TreeMap<String, String> sorted = new TreeMap<>();
        files.forEach((path, text) -> sorted.put(normalise(path), text));
        return new RuleFiles(sorted, versionOf(sorted));
    }

    /** Reads every regular file below the directory. */
    public static RuleFiles readDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RuleSetException("The rules directory " + directory.toAbsolutePath().normalize()
                    + " does not exist or is not a directory");
        }
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                if (!isHidden(relative)) {
                    files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules directory " + directory, e);
        }
        return of(files);
    }

    /** True for a DRL file. */
    public static boolean isRuleFile(String path) {
        return path.endsWith(".drl");
    }

    /** True for a decision table: a CSV file, turned into rules by {@link RuleSources}. */
    public static boolean isDecisionTable(String path) {
        return path.endsWith(".csv");
    }

    /** True for a scenario file: {@code *.scenarios.json}, or any JSON file below a {@code tests/} folder. */
    public static boolean isScenarioFile(String path) {
        return path.endsWith(".scenarios.json") || (path.endsWith(".json") && ("/" + path).contains("/tests/"));
    }

    /** True for a file that changes what the service decides: everything but scenarios and documentation. */
    public static boolean affectsDecisions(String path) {
        return !isScenarioFile(path) && !path.endsWith(".md");
    }

    /** The files that are DRL rules. */
    public SortedMap<String, String> ruleFiles() {
        TreeMap<String, String> rules = new TreeMap<>();
        files.forEach((path, text) -> {
            if (isRuleFile(path)) {
                rules.put(path, text);
            }
        });
        return rules;
    }

    /** The files that are decision tables. */
    public SortedMap<String, String> decisionTables() {
        TreeMap<String, String> tables = new TreeMap<>();
        files.forEach((path, text) -> {
            if (isDecisionTable(path)) {
                tables.put(path, text);
            }
        });
        return tables;
    }

    /** The scenario files. */
    public SortedMap<String, String> scenarioFiles() {
        TreeMap<String, String> scenarios = new TreeMap<>();
        files.forEach((path, text) -> {
            if (isScenarioFile(path)) {
                scenarios.put(path, text);
            }
        });
        return scenarios;
    }

    /**
     * {@code sha256:} and the hex digest over the decision files in path order, each as its path, a NUL, its
     * length in bytes, a NUL and its bytes. The lengths keep two different file sets from hashing alike.
     */
    static String versionOf(SortedMap<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((path, text) -> {
                if (affectsDecisions(path)) {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    digest.update(path.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                    digest.update((byte) 0);
                    digest.update(bytes);
                }
            });
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String normalise(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./") || p.startsWith("/")) {
            p = p.substring(p.startsWith("./") ? 2 : 1);
        }
        return p;
    }

    private static boolean isHidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
