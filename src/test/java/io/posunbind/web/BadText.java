package io.posunbind.web;

import static io.posunbind.web.BadBodies.utf8;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Bad bodies made by editing the example request's text: cut, broken, nested, ill-encoded, duplicated. */
final class BadText {
    private static final String STRUCTURAL = "{}[]:,\"";

    private final Random random;
    private final String compact;

    BadText(Random random, String compact) {
        this.random = random;
        this.compact = compact;
    }

    byte[] truncated() {
        return utf8(compact.substring(0, 1 + random.nextInt(compact.length() - 1)));
    }

    byte[] brokenStructure() {
        StringBuilder text = new StringBuilder(compact);
        int at;
        do {
            at = random.nextInt(text.length());
        } while (STRUCTURAL.indexOf(text.charAt(at)) < 0);
        if (random.nextBoolean()) {
            text.deleteCharAt(at);
        } else {
            char other;
            do {
                other = STRUCTURAL.charAt(random.nextInt(STRUCTURAL.length()));
            } while (other == text.charAt(at));
            text.setCharAt(at, other);
        }
        return utf8(text.toString());
    }

    byte[] deeplyNested() {
        int depth = 31 + random.nextInt(3000);
        return switch (random.nextInt(4)) {
            case 0 -> utf8("[".repeat(depth) + "]".repeat(depth));
            case 1 -> utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
            case 2 -> utf8(compact.replace("\"riskFlags\":[]",
                    "\"riskFlags\":" + "[".repeat(depth) + "]".repeat(depth)));
            default -> utf8(compact.replace("\"documents\":", "\"documents\":" + "[".repeat(depth))
                    .replace("\"BUSINESS_LICENSE\"]", "\"BUSINESS_LICENSE\"]" + "]".repeat(depth)));
        };
    }

    byte[] invalidUtf8() {
        byte[][] broken = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xFE, (byte) 0xFF}};
        byte[] bad = broken[random.nextInt(broken.length)];
        String[] fields = {"\"CASE-2026-0001\"", "\"SWITCH_PROVIDER\"", "\"M-100200\"", "\"ENTERPRISE\""};
        String field = fields[random.nextInt(fields.length)];
        int at = compact.indexOf(field) + 1 + random.nextInt(field.length() - 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(compact.substring(0, at)));
        out.writeBytes(bad);
        out.writeBytes(utf8(compact.substring(at)));
        return out.toByteArray();
    }

    byte[] duplicateKey() {
        String[] keys = {"\"reason\":\"SWITCH_PROVIDER\"", "\"merchantId\":\"M-100200\"", "\"termMonths\":24",
            "\"verified\":false", "\"balance\":0.00"};
        String key = keys[random.nextInt(keys.length)];
        String name = key.substring(0, key.indexOf(':') + 1);
        String again = name + (random.nextBoolean() ? key.substring(name.length()) : "null");
        return utf8(compact.replace(key, key + "," + again));
    }

    private int notARequestCursor;

    byte[] notARequest() {
        String[] bodies = {"", " ", "[]", "\"text\"", "1", "null", "true", "{}", "[" + compact + "]",
            compact + compact, compact + ",", compact + "]", "{\"reason\":\"SWITCH_PROVIDER\"}", "<xml/>",
            "reason=SWITCH_PROVIDER", "{'reason':'SWITCH_PROVIDER'}", "// comment\n" + compact,
            "/* c */" + compact, "\u0000", "{\"a\":1,}"};
        return utf8(bodies[notARequestCursor++ % bodies.length]);
    }
}
