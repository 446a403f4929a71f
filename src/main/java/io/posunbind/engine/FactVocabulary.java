package io.posunbind.engine;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import io.posunbind.facts.Merchant;

/**
 * The fact vocabulary seen from the rules: which fact types exist, which values each offers (record components,
 * getters and boolean {@code is} methods, as the rule language reads them) and which constants an enum has. Used to
 * say in plain words what a rule names that does not exist, with the nearest name that does.
 */
final class FactVocabulary {
    private static final String PREFIX = RuleAllowlist.FACTS.replace('.', '/') + "/";
    private static final List<String> CLASS_FILES = listClassFiles();
    private static final List<String> TYPE_NAMES = CLASS_FILES.stream()
            .filter(file -> !file.contains("$") && !file.equals("package-info.class"))
            .map(file -> file.substring(0, file.length() - ".class".length())).toList();

    private FactVocabulary() {
    }

    /** Simple names of the fact types, sorted; empty when the classes cannot be listed (then no hint is given). */
    static List<String> typeNames() {
        return TYPE_NAMES;
    }

    /**
     * The class files of the facts package, nested classes included, sorted ({@code "Fee.class"}); empty when they
     * cannot be listed. They are what compiled rules are compiled against.
     */
    static List<String> classFiles() {
        return CLASS_FILES;
    }

    /** The bytes of one of {@link #classFiles()}. */
    static byte[] classFile(String name) throws IOException {
        try (java.io.InputStream in = Merchant.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("The fact class file " + name + " cannot be read");
            }
            return in.readAllBytes();
        }
    }

    static Optional<Class<?>> type(String simpleName) {
        if (!RuleAllowlist.isFactType(simpleName)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(RuleAllowlist.FACTS + "." + simpleName, false,
                    FactVocabulary.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The values a rule can read from the type, by name, with their Java types. */
    static Map<String, Class<?>> properties(Class<?> type) {
        Map<String, Class<?>> properties = new TreeMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(component.getName(), component.getType());
            }
        }
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                    && method.getDeclaringClass() != Object.class) {
                String name = method.getName();
                if (name.startsWith("get") && name.length() > 3 && !name.equals("getClass")) {
                    properties.putIfAbsent(decapitalise(name.substring(3)), method.getReturnType());
                } else if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
                    properties.putIfAbsent(decapitalise(name.substring(2)), boolean.class);
                }
            }
        }
        return properties;
    }

    /** The constants of an enum type, in declaration order. */
    static List<String> constants(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        return names;
    }

    /** The candidate closest to the misspelt name (at most two edits apart, or equal ignoring case), or null. */
    static String nearest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = candidate.equalsIgnoreCase(wrong) ? 0 : distance(wrong.toLowerCase(),
                    candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, wrong.length() / 4) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String decapitalise(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** Lists the class files next to a known fact class, in a directory (tests, dev) or a jar (the packaged app). */
    private static List<String> listClassFiles() {
        TreeSet<String> names = new TreeSet<>();
        try {
            File location = new File(Merchant.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (location.isDirectory()) {
                String[] files = new File(location, PREFIX).list();
                for (String file : files == null ? new String[0] : files) {
                    addIfClassFile(names, file);
                }
            } else {
                try (JarFile jar = new JarFile(location)) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith(PREFIX) && entry.indexOf('/', PREFIX.length()) < 0) {
                            addIfClassFile(names, entry.substring(PREFIX.length()));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(names);
    }

    private static void addIfClassFile(Collection<String> names, String fileName) {
        if (fileName.endsWith(".class")) {
            names.add(fileName);
        }
    }
}
