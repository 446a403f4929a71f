package io.posunbind.engine;

import java.util.List;

import io.posunbind.engine.CodeTokens.Token;

/**
 * The import lines of a rule file: {@code import}, {@code import static}, {@code import function} and
 * {@code import accumulate}. Only allowed types and packages may be imported; custom accumulate functions are Java
 * classes of their own and are refused.
 */
final class ImportCheck {

    private ImportCheck() {
    }

    /** Checks the import starting at index i; returns the index of its last token. */
    static int check(SafetyScan scan, int i) {
        Token kind = scan.at(i + 1);
        if (kind == null) {
            return i;
        }
        boolean isStatic = kind.is("static") || kind.is("function");
        if (kind.is("accumulate")) {
            scan.refuse(kind, "A custom accumulate function (import accumulate)",
                    "arbitrary Java code; use the built-in sum, count, min, max, average or collectList");
            return i + 1;
        }
        int start = isStatic ? i + 2 : i + 1;
        List<Token> name = scan.chain(start);
        if (name.isEmpty()) {
            return i;
        }
        int last = start + name.size() * 2 - 2;
        String target = String.join(".", name.stream().map(Token::text).toList());
        boolean wildcard = scan.at(last + 1) != null && scan.at(last + 1).is(".") && scan.at(last + 2) != null
                && scan.at(last + 2).is("*");
        if (wildcard) {
            last += 2;
        }
        Token where = name.get(0);
        if (isStatic) {
            String type = wildcard ? target : target.substring(0, Math.max(0, target.lastIndexOf('.')));
            String member = wildcard ? "*" : name.get(name.size() - 1).text();
            if (!RuleAllowlist.isAllowedQualifiedName(type)) {
                scan.refuse(where, "The static import of `" + target + (wildcard ? ".*" : "") + "`",
                        RefusedNames.reaches(type.substring(type.lastIndexOf('.') + 1)));
            } else if (RuleAllowlist.DENIED_MEMBERS.containsKey(member)) {
                scan.refuse(where, "The static import of `" + target + "`", RuleAllowlist.DENIED_MEMBERS.get(member));
            } else if (!wildcard) {
                scan.addLocalName(member);
            }
        } else if (wildcard ? !RuleAllowlist.isAllowedWildcardPackage(target)
                : !RuleAllowlist.isAllowedQualifiedName(target)) {
            scan.refuse(where, "The import of `" + target + (wildcard ? ".*" : "") + "`",
                    wildcard ? null : RefusedNames.reaches(name.get(name.size() - 1).text()));
        }
        return last;
    }
}
