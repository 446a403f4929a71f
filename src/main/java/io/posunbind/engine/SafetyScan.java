package io.posunbind.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.posunbind.engine.CodeTokens.Token;

/** One pass of {@link RuleSafetyLint} over the tokens of one file. */
final class SafetyScan {
    /** First segments of a qualified name: such a chain names a Java package, never a rule's variable. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "io", "net",
            "jakarta");
    private static final Set<String> ACCUMULATE_CODE = Set.of("init", "action", "reverse", "result");

    private final String file;
    private final List<Token> tokens;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final Set<String> localNames = new HashSet<>();
    private final Deque<Integer> accumulateDepths = new ArrayDeque<>();
    private int depth;

    SafetyScan(String file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    List<RuleProblem> run() {
        collectDeclaredTypes();
        for (int i = 0; i < tokens.size(); i++) {
            i = visit(i);
        }
        return problems;
    }

    /** Checks the token at i; returns the index of the last token it consumed. */
    private int visit(int i) {
        Token token = tokens.get(i);
        if (token.is("(")) {
            depth++;
            if (i > 0 && (tokens.get(i - 1).is("accumulate") || tokens.get(i - 1).is("acc"))) {
                accumulateDepths.push(depth);
            }
            return i;
        }
        if (token.is(")")) {
            if (!accumulateDepths.isEmpty() && accumulateDepths.peek() == depth) {
                accumulateDepths.pop();
            }
            depth--;
            return i;
        }
        if (!token.isIdentifier()) {
            return i;
        }
        Token previous = at(i - 1);
        boolean member = previous != null && (previous.is(".") || previous.is("::"));
        if (previous != null && previous.is("@")) {
            return i;
        }
        if (!member) {
            switch (token.text()) {
                case "import":
                    return ImportCheck.check(this, i);
                case "global":
                    return global(i);
                case "package":
                    return packageName(i);
                default:
                    break;
            }
        }
        checkMember(i, token, previous, member);
        if (!member) {
            return checkName(i, token);
        }
        return i;
    }

    private void checkMember(int i, Token token, Token previous, boolean member) {
        Token next = at(i + 1);
        boolean called = next != null && next.is("(");
        String reaches = RuleAllowlist.DENIED_MEMBERS.get(token.text());
        boolean classLiteral = token.is("class") && previous != null && previous.is(".");
        if (reaches != null && (called || (previous != null && previous.is("::")) || classLiteral)) {
            Token receiver = member ? at(i - 2) : null;
            String prefix = receiver != null && receiver.isIdentifier() ? receiver.text() + "." : member ? "." : "";
            refuse(token, "`" + prefix + token.text() + (classLiteral ? "`" : "()`"), reaches);
        }
        if (!member && (token.is("drools") || token.is("kcontext")) && next != null
                && (next.is(".") || next.is("::"))) {
            Token used = at(i + 2);
            if (used != null && !RuleAllowlist.ENGINE_MEMBERS.contains(used.text())
                    && !RuleAllowlist.DENIED_MEMBERS.containsKey(used.text())) {
                refuse(used, "`" + token.text() + "." + used.text() + "`", "the rule engine's internals");
            }
        }
        if (ACCUMULATE_CODE.contains(token.text()) && called && !accumulateDepths.isEmpty()
                && accumulateDepths.peek() == depth) {
            refuse(token, "Custom accumulate code (" + token.text() + "(...))",
                    "arbitrary Java code; use an accumulate function such as sum, count, min, max or collectList");
        }
        if (token.is("dialect") && next != null && next.text().replaceAll("[\"']", "").equals("mvel")) {
            refuse(next, "The mvel dialect", "arbitrary MVEL code; rule files are written in the java dialect");
        }
        if (token.is("declare") && next != null && next.is("enum")) {
            refuse(next, "declare enum", null);
        }
    }

    /** A name not reached through a dot: a qualified name, or a type used by its simple name. */
    private int checkName(int i, Token token) {
        List<Token> chain = chain(i);
        String first = token.text();
        if (chain.size() > 1 && (Character.isLowerCase(first.charAt(0)) || PACKAGE_ROOTS.contains(first))) {
            return qualified(i, chain);
        }
        if (Character.isUpperCase(first.charAt(0)) && !isKnownName(first)) {
            problems.add(RefusedNames.unknownName(file, token));
        }
        return i;
    }

    /** {@code java.lang.Runtime.getRuntime()}: the name must start with an allowed type. */
    private int qualified(int i, List<Token> chain) {
        StringBuilder name = new StringBuilder(chain.get(0).text());
        boolean rootIsPackage = PACKAGE_ROOTS.contains(chain.get(0).text());
        for (int k = 1; k < chain.size(); k++) {
            name.append('.').append(chain.get(k).text());
            if (Character.isUpperCase(chain.get(k).text().charAt(0))) {
                if (!RuleAllowlist.isAllowedQualifiedName(name.toString())) {
                    refuse(chain.get(0), "The fully qualified name `" + name + "`",
                            RefusedNames.reaches(chain.get(k).text()));
                }
                return i;
            }
        }
        if (rootIsPackage) {
            refuse(chain.get(0), "The fully qualified name `" + name + "`", null);
        }
        return i;
    }

    private int global(int i) {
        List<Token> type = chain(i + 1);
        if (type.isEmpty()) {
            return i;
        }
        String name = String.join(".", type.stream().map(Token::text).toList());
        boolean allowed = type.size() == 1 ? isKnownName(name) : RuleAllowlist.isAllowedQualifiedName(name);
        if (!allowed) {
            refuse(type.get(0), "A global of type `" + name + "`", RefusedNames.reaches(type.get(type.size() - 1)
                    .text()));
        }
        return i + type.size() * 2 - 1;
    }

    /** A rule package must not pose as a Java or service package, whose classes it could then reach. */
    private int packageName(int i) {
        List<Token> name = chain(i + 1);
        String joined = String.join(".", name.stream().map(Token::text).toList());
        if (!name.isEmpty() && (PACKAGE_ROOTS.contains(name.get(0).text()) || joined.startsWith("drools"))) {
            refuse(name.get(0), "The package name `" + joined + "`",
                    "into Java's or the service's own packages; name the package after the rule file's folder");
        }
        return i + Math.max(0, name.size() * 2 - 1);
    }

    /** Identifiers joined by dots starting at i: {@code java . lang . Runtime}. */
    List<Token> chain(int i) {
        List<Token> chain = new ArrayList<>();
        int k = i;
        while (at(k) != null && at(k).isIdentifier()) {
            chain.add(at(k));
            if (at(k + 1) == null || !at(k + 1).is(".") || at(k + 2) == null || !at(k + 2).isIdentifier()) {
                break;
            }
            k += 2;
        }
        return chain;
    }

    boolean isKnownName(String name) {
        return RuleAllowlist.isAllowedSimpleName(name) || localNames.contains(name);
    }

    void addLocalName(String name) {
        localNames.add(name);
    }

    Token at(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
    }

    void refuse(Token at, String construct, String reaches) {
        problems.add(new RuleProblem(RuleProblem.Level.ERROR, file, at.line(), at.column(),
                RuleSafetyLint.refused(construct, reaches)));
    }

    /** Types the file declares itself ({@code declare Foo}) may be named like fact types. */
    private void collectDeclaredTypes() {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("declare") && tokens.get(i + 1).isIdentifier() && !tokens.get(i + 1).is("enum")) {
                Token name = tokens.get(i + 1).is("trait") ? at(i + 2) : tokens.get(i + 1);
                if (name != null && name.isIdentifier() && name.text().indexOf('.') < 0) {
                    localNames.add(name.text());
                }
            }
        }
    }
}
