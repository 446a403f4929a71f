package io.posunbind.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.posunbind.engine.RuleFiles;

/**
 * A rule set N times the size of policy v1: every rule file but the verdict's copied N-1 times under new package
 * and rule names. The copies fire on the same cases as the originals, so the engine does N times the matching and
 * firing work; the verdict rules stay single so each decision still has one verdict. The other files (scenarios,
 * data, docs) are kept once, so validating the scaled set runs policy v1's scenarios (fees and refunds, inserted N
 * times, then no longer add up, so those scenarios fail: the timing is what counts here).
 */
final class ScaledRuleSet {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^(\\s*rule\\s+\")([^\"]+)(\")", Pattern.MULTILINE);

    private ScaledRuleSet() {
    }

    static RuleFiles of(RuleFiles base, int factor) {
        Map<String, String> files = new TreeMap<>(base.files());
        for (int copy = 2; copy <= factor; copy++) {
            for (Map.Entry<String, String> file : base.ruleFiles().entrySet()) {
                if (file.getKey().startsWith("verdict/")) {
                    continue;
                }
                String suffix = "copy" + copy;
                String text = PACKAGE.matcher(file.getValue()).replaceFirst("package $1_" + suffix + ";");
                text = RULE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                        m.group(1) + m.group(2) + " (" + suffix + ")" + m.group(3)));
                files.put(suffix + "/" + file.getKey(), text);
            }
        }
        return RuleFiles.of(files);
    }
}
