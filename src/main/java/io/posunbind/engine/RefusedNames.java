package io.posunbind.engine;

import java.util.Map;

import io.posunbind.engine.CodeTokens.Token;

/**
 * Words for a capitalised name the allowlist does not know. A Java type that reaches the system is named with what it
 * reaches; a name that is no type at all is most likely a misspelt fact type, and is answered with the nearest one.
 */
final class RefusedNames {
    private static final Map<String, String> REACHES = Map.ofEntries(
            Map.entry("System", "the Java system (exit, properties, environment, console)"),
            Map.entry("Runtime", "the Java runtime (running programs, exit)"),
            Map.entry("ProcessBuilder", "running programs"), Map.entry("Process", "running programs"),
            Map.entry("ProcessHandle", "running programs"),
            Map.entry("Thread", "threads"), Map.entry("ThreadGroup", "threads"), Map.entry("Executors", "threads"),
            Map.entry("ExecutorService", "threads"), Map.entry("ForkJoinPool", "threads"),
            Map.entry("CompletableFuture", "threads"), Map.entry("Timer", "threads"),
            Map.entry("Class", "reflection"), Map.entry("ClassLoader", "class loading"),
            Map.entry("ServiceLoader", "class loading"), Map.entry("Method", "reflection"),
            Map.entry("Field", "reflection"), Map.entry("Constructor", "reflection"),
            Map.entry("MethodHandles", "reflection"), Map.entry("MethodHandle", "reflection"),
            Map.entry("Proxy", "reflection"), Map.entry("Unsafe", "raw memory"),
            Map.entry("File", "files"), Map.entry("Files", "files"), Map.entry("Path", "files"),
            Map.entry("Paths", "files"), Map.entry("FileInputStream", "files"), Map.entry("FileOutputStream", "files"),
            Map.entry("FileReader", "files"), Map.entry("FileWriter", "files"), Map.entry("RandomAccessFile", "files"),
            Map.entry("Scanner", "files and the console"),
            Map.entry("URL", "the network"), Map.entry("URI", "the network"), Map.entry("Socket", "the network"),
            Map.entry("ServerSocket", "the network"), Map.entry("HttpClient", "the network"),
            Map.entry("URLConnection", "the network"), Map.entry("InetAddress", "the network"),
            Map.entry("InitialContext", "JNDI lookups"), Map.entry("Context", "JNDI lookups"),
            Map.entry("InitialDirContext", "JNDI lookups"),
            Map.entry("ScriptEngineManager", "running scripts"), Map.entry("MVEL", "running scripts"));

    private RefusedNames() {
    }

    /** What the type of that simple name would give a rule, or null when it is not a known risk. */
    static String reaches(String simpleName) {
        return REACHES.get(simpleName);
    }

    /** The problem for a capitalised name that is neither a fact type nor an allowed JDK type. */
    static RuleProblem unknownName(String file, Token token) {
        String name = token.text();
        String reaches = REACHES.get(name);
        String message;
        if (reaches != null || isJavaLangType(name)) {
            message = RuleSafetyLint.refused("`" + name + "`", reaches);
        } else {
            String nearest = FactVocabulary.nearest(name, FactVocabulary.typeNames());
            message = "`" + name + "` is not a fact type" + (nearest == null
                    ? ". The fact types are: " + String.join(", ", FactVocabulary.typeNames()) + "."
                    : ". Did you mean `" + nearest + "`?");
        }
        return new RuleProblem(RuleProblem.Level.ERROR, file, token.line(), token.column(), message);
    }

    private static boolean isJavaLangType(String name) {
        try {
            Class.forName("java.lang." + name, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
