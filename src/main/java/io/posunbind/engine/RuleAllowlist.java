package io.posunbind.engine;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a rule file may name: the fact vocabulary ({@code io.posunbind.facts}) and a short list of plain JDK types
 * that compute with values and cannot reach the system. An allowlist, not a denylist: a type nobody thought of is
 * refused. The few members listed in {@link #DENIED_MEMBERS} are refused on any object, because every object has
 * them ({@code getClass}) or because an allowed type offers them (the clock, the rule engine's internals).
 */
final class RuleAllowlist {
    static final String FACTS = "io.posunbind.facts";

    /** JDK types by simple name. java.lang ones need no import; the others must be imported. */
    private static final Map<String, String> JDK_TYPES = jdkTypes(
            "java.lang", "Object String CharSequence StringBuilder Integer Long Short Byte Double Float Boolean "
                    + "Character Number Math Comparable Iterable Enum RuntimeException IllegalArgumentException "
                    + "IllegalStateException ArithmeticException UnsupportedOperationException",
            "java.math", "BigDecimal BigInteger RoundingMode MathContext",
            "java.time", "LocalDate LocalDateTime LocalTime Instant Duration Period ZonedDateTime OffsetDateTime "
                    + "ZoneId ZoneOffset DayOfWeek Month Year YearMonth MonthDay",
            "java.time.temporal", "ChronoUnit ChronoField TemporalAdjusters",
            "java.time.format", "DateTimeFormatter",
            "java.util", "List Set Map Collection Collections Arrays Objects Optional OptionalInt OptionalLong "
                    + "OptionalDouble ArrayList LinkedList HashMap HashSet LinkedHashMap LinkedHashSet TreeMap TreeSet "
                    + "EnumMap EnumSet SortedMap SortedSet NavigableMap NavigableSet Comparator Iterator StringJoiner "
                    + "Deque ArrayDeque",
            "java.util.stream", "Stream IntStream LongStream DoubleStream Collectors",
            "java.util.function", "Function BiFunction Predicate BiPredicate Supplier Consumer BiConsumer "
                    + "UnaryOperator BinaryOperator");

    /** Packages a wildcard import may name; what is used from them is still checked name by name. */
    private static final Set<String> WILDCARD_PACKAGES = Set.of(FACTS, "java.lang", "java.math", "java.time",
            "java.time.temporal", "java.time.format", "java.util", "java.util.stream", "java.util.function");

    /** Members refused on any receiver, with what they would give a rule. */
    static final Map<String, String> DENIED_MEMBERS = Map.ofEntries(
            Map.entry("getClass", "reflection"), Map.entry("getDeclaringClass", "reflection"),
            Map.entry("class", "reflection"), Map.entry("forName", "class loading"),
            Map.entry("getClassLoader", "class loading"), Map.entry("loadClass", "class loading"),
            Map.entry("defineClass", "class loading"), Map.entry("newInstance", "reflection"),
            Map.entry("invoke", "reflection"), Map.entry("setAccessible", "reflection"),
            Map.entry("getKieRuntime", "the rule engine's internals"),
            Map.entry("getKnowledgeRuntime", "the rule engine's internals"),
            Map.entry("getWorkingMemory", "the rule engine's internals"),
            Map.entry("getKieBase", "the rule engine's internals"),
            Map.entry("getEntryPoint", "the rule engine's internals"),
            Map.entry("getChannels", "the rule engine's internals"),
            Map.entry("getContext", "the rule engine's internals"),
            Map.entry("parallel", "threads"), Map.entry("parallelStream", "threads"),
            Map.entry("wait", "threads"), Map.entry("notify", "threads"), Map.entry("notifyAll", "threads"),
            Map.entry("getInteger", "system properties"), Map.entry("getLong", "system properties"),
            Map.entry("getBoolean", "system properties"),
            Map.entry("now", "the clock (rules judge on UnbindCase.asOf, never on the current time)"));

    /** What a rule may do through {@code drools} or {@code kcontext}: add, change and remove facts. */
    static final Set<String> ENGINE_MEMBERS = Set.of("insert", "insertLogical", "update", "delete", "retract",
            "getRule");

    private static final Map<String, Boolean> FACT_TYPES = new ConcurrentHashMap<>();

    private RuleAllowlist() {
    }

    /** True for a simple type name a rule may use: a fact type or a listed JDK type. */
    static boolean isAllowedSimpleName(String name) {
        return JDK_TYPES.containsKey(name) || isFactType(name);
    }

    /** True for a fully qualified type name a rule may use or import. */
    static boolean isAllowedQualifiedName(String qualified) {
        int dot = qualified.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String pkg = qualified.substring(0, dot);
        String name = qualified.substring(dot + 1);
        return pkg.equals(FACTS) ? isFactType(name) : qualified.equals(JDK_TYPES.get(name));
    }

    /** True for a package whose names a rule may import with {@code .*}. */
    static boolean isAllowedWildcardPackage(String pkg) {
        return WILDCARD_PACKAGES.contains(pkg);
    }

    /** Fact types are found by name rather than listed, so a new fact needs no change here. */
    static boolean isFactType(String name) {
        if (name.isEmpty() || name.contains("$") || !Character.isUpperCase(name.charAt(0))) {
            return false;
        }
        return FACT_TYPES.computeIfAbsent(name, n -> {
            try {
                Class<?> type = Class.forName(FACTS + "." + n, false, RuleAllowlist.class.getClassLoader());
                return type.getPackageName().equals(FACTS) && !type.isAnonymousClass();
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }

    private static Map<String, String> jdkTypes(String... packagesAndNames) {
        Map<String, String> types = new ConcurrentHashMap<>();
        for (int i = 0; i < packagesAndNames.length; i += 2) {
            for (String name : packagesAndNames[i + 1].split(" ")) {
                types.put(name, packagesAndNames[i] + "." + name);
            }
        }
        return Map.copyOf(types);
    }
}
