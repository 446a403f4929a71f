package io.posunbind.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.drools.drl.ast.descr.RuleDescr;

import io.posunbind.engine.CodeTokens.Token;

/**
 * Traces an error in a generated consequence class back to the rule file. The executable model copies each rule's
 * action, statement by statement, into the {@code execute} method of a generated class (prefixing {@code insert} and
 * friends with {@code drools.}) and the Java compiler reports the generated line. The statement on that line is
 * looked up, token by token, in the actions of the parsed rules: the rule whose action holds the whole generated
 * body is the one, and the statement's first token gives the line and column.
 */
final class ConsequenceLocator {
    record Location(String file, int line, int column) {
    }

    private ConsequenceLocator() {
    }

    static Location locate(String javaSource, int line, Collection<DrlFile> files) {
        String[] lines = javaSource.split("\n", -1);
        int bodyStart = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(" execute(")) {
                bodyStart = i + 1;
                break;
            }
        }
        if (bodyStart < 0 || line < 1 || line > lines.length) {
            return new Location(RuleProblem.WHOLE_RULE_SET, 0, 0);
        }
        StringBuilder body = new StringBuilder();
        for (int i = bodyStart; i < lines.length && !lines[i].equals("    }"); i++) {
            body.append(lines[i]).append('\n');
        }
        List<String> bodyWords = words(CodeTokens.of(body.toString()));
        List<String> statement = words(CodeTokens.of(lines[line - 1]));
        Location byStatement = null;
        for (DrlFile file : files) {
            if (file.rules() == null) {
                continue;
            }
            for (RuleDescr rule : file.rules().getRules()) {
                String action = String.valueOf(rule.getConsequence());
                int base = file.text().indexOf(action.strip(), Math.max(0, rule.getStartCharacter()));
                if (base < 0) {
                    continue;
                }
                List<Token> tokens = withoutEnginePrefix(CodeTokens.of(action.strip()));
                List<String> actionWords = tokens.stream().map(Token::text).toList();
                int at = indexOf(actionWords, statement);
                if (at < 0) {
                    continue;
                }
                int[] position = file.position(base + tokens.get(at).offset());
                Location found = new Location(file.path(), position[0], position[1]);
                if (indexOf(actionWords, bodyWords) >= 0) {
                    return found;
                }
                byStatement = byStatement == null ? found : byStatement;
            }
        }
        return byStatement != null ? byStatement : new Location(RuleProblem.WHOLE_RULE_SET, 0, 0);
    }

    private static List<String> words(List<Token> tokens) {
        return withoutEnginePrefix(tokens).stream().map(Token::text).toList();
    }

    /** {@code drools.insert(x)} in the generated class is {@code insert(x)} in the rule file. */
    private static List<Token> withoutEnginePrefix(List<Token> tokens) {
        List<Token> kept = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("drools") && i + 1 < tokens.size() && tokens.get(i + 1).is(".")) {
                i++;
            } else {
                kept.add(tokens.get(i));
            }
        }
        return kept;
    }

    private static int indexOf(List<String> haystack, List<String> needle) {
        if (needle.isEmpty()) {
            return -1;
        }
        outer:
        for (int i = 0; i + needle.size() <= haystack.size(); i++) {
            for (int j = 0; j < needle.size(); j++) {
                if (!haystack.get(i + j).equals(needle.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
