package io.posunbind.web;

import static io.posunbind.web.BadBodies.utf8;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Bad bodies made by editing the example request as a JSON tree: wrong types, values, lengths, fields. */
final class BadTrees {
    static final List<String> REQUIRED = List.of("reason", "merchant", "merchant.merchantId",
            "merchant.type", "merchant.regulatoryHold", "terminal", "terminal.serialNumber", "terminal.ownership",
            "terminal.registeredToMerchant", "terminal.tamperSuspected", "terminal.deposit", "terminal.deposit.amount",
            "contract", "contract.status", "contract.startDate", "contract.termMonths", "contract.monthlyFee",
            "account", "account.balance", "account.unsettledTransactions", "account.openChargebacks",
            "account.openChargebackAmount", "account.settlementAccountVerified",
            "account.settlementAccountChangeRequested", "dataWipe", "dataWipe.level", "dataWipe.keysZeroized",
            "dataWipe.verified", "dataWipe.disposition", "newProvider.licensedAcquirer");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Code points that make text hard: accents, CJK, emoji (surrogate pairs), RTL, zero-width, combining marks. */
    private static final int[] UNICODE = {0xE9, 0x00DF, 0x4E2D, 0x6587, 0x1F600, 0x1F4A9, 0x202E, 0x200B, 0xFEFF,
        0x0301, 0x0627, 0x05D0, 0x10FFFF, 0xFFFD, 0x2028, 0x2029, 0x1D11E};

    private final Random random;
    private final ObjectNode valid;
    private final String compact;
    private final List<String> leaves = new ArrayList<>();

    BadTrees(Random random, ObjectNode valid, String compact) {
        this.random = random;
        this.valid = valid;
        this.compact = compact;
        collectLeaves(valid, "");
    }

    byte[] wrongType() {
        ObjectNode copy = valid.deepCopy();
        String path = leaves.get(random.nextInt(leaves.size()));
        JsonNode old = at(copy, path);
        List<JsonNode> others = new ArrayList<>(List.of(NODES.objectNode(), NODES.arrayNode(),
                NODES.arrayNode().add("x"), NODES.booleanNode(true)));
        if (old.isTextual()) {
            others.add(NODES.numberNode(12345));
            others.remove(NODES.arrayNode().add("x"));
        } else if (old.isNumber()) {
            others.add(NODES.textNode(old.asText()));
            others.add(NODES.textNode("abc"));
        } else if (old.isBoolean()) {
            others.set(3, NODES.textNode(old.asText()));
            others.add(NODES.numberNode(old.asBoolean() ? 1 : 0));
        } else if (old.isArray()) {
            others.set(1, NODES.textNode("UNBIND_APPLICATION"));
            others.set(2, NODES.numberNode(1));
        } else if (old.isNull()) {
            others.remove(NODES.arrayNode().add("x"));
        }
        return write(replace(copy, path, others.get(random.nextInt(others.size()))));
    }

    private int missingCursor;

    byte[] missingRequired() {
        ObjectNode copy = valid.deepCopy();
        String path = REQUIRED.get(missingCursor++ % REQUIRED.size());
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? copy : (ObjectNode) at(copy, path.substring(0, dot));
        parent.remove(path.substring(dot + 1));
        return write(copy);
    }

    byte[] badValue() {
        ObjectNode copy = valid.deepCopy();
        Map<String, List<JsonNode>> bad = Map.of(
                "reason", List.of(NODES.textNode("switch_provider"), NODES.textNode(""),
                        NODES.textNode("SWITCH PROVIDER"), NODES.textNode("SWITCH_PROVIDER ")),
                "asOf", List.of(NODES.textNode("2026-02-30"), NODES.textNode("26/11/2026"), NODES.textNode("today"),
                        NODES.textNode("2026-11-26T10:00:00Z")),
                "contract.termMonths", List.of(NODES.numberNode(0), NODES.numberNode(601), NODES.numberNode(-24)),
                "contract.startDate", List.of(NODES.textNode("2025-13-01"), NODES.textNode("")),
                "account.unsettledTransactions", List.of(NODES.numberNode(-1), NODES.numberNode(2_000_000_000L)),
                "merchant.riskFlags", List.of(NODES.arrayNode().add("FRAUD"), NODES.arrayNode().add((String) null)),
                "documents", List.of(NODES.arrayNode().add("UNBIND_APPLICATION").add("UNBIND_APPLICATION")),
                "dataWipe.level", List.of(NODES.textNode("clear"), NODES.textNode("WIPE")),
                "merchant.merchantId", List.of(NODES.textNode(""), NODES.textNode("   ")),
                "caseId", List.of(NODES.textNode("CASE\u0000"), NODES.textNode("line\nbreak"),
                        NODES.textNode("tab\there")));
        List<String> paths = new ArrayList<>(bad.keySet());
        paths.sort(null);
        String path = paths.get(random.nextInt(paths.size()));
        List<JsonNode> values = bad.get(path);
        return write(replace(copy, path, values.get(random.nextInt(values.size()))));
    }

    byte[] badNumber() {
        List<String> amounts = List.of("account.balance", "terminal.deposit.amount", "contract.monthlyFee",
                "account.openChargebackAmount", "newProvider.uptimeSlaPercent", "contract.termMonths");
        List<String> numbers = List.of("1e999999", "-1e999999", "1E400", "1e-400", "NaN", "Infinity", "-Infinity",
                "0x10", "01", "1.", ".5", "+1", "--1", "1.0001", "-0.0001", "12345678901234567890123456789012345678901",
                "99999999999999999999.99", "1e", "1_000");
        String path = amounts.get(random.nextInt(amounts.size()));
        String number = numbers.get(random.nextInt(numbers.size()));
        String marker = "\"__NUMBER__\"";
        return utf8(writeText(replace(valid.deepCopy(), path, NODES.textNode("__NUMBER__"))).replace(marker, number));
    }

    byte[] tooLongString() {
        List<String[]> fields = List.of(new String[] {"caseId", "64"}, new String[] {"merchant.merchantId", "128"},
                new String[] {"terminal.serialNumber", "128"}, new String[] {"newProvider.name", "128"},
                new String[] {"dataWipe.certificateId", "128"});
        String[] field = fields.get(random.nextInt(fields.size()));
        int length = Integer.parseInt(field[1]) + 1 + random.nextInt(4000);
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < length) {
            text.appendCodePoint(random.nextBoolean() ? 'A' + random.nextInt(26) : UNICODE[random.nextInt(8)]);
        }
        return write(replace(valid.deepCopy(), field[0], NODES.textNode(text.toString())));
    }

    byte[] oversizedBody() {
        ObjectNode copy = valid.deepCopy();
        copy.put("caseId", "x".repeat(65_536 + random.nextInt(200_000)));
        return write(copy);
    }

    byte[] unicodeHeavy() {
        ObjectNode copy = valid.deepCopy();
        String noise = unicodeNoise(1 + random.nextInt(40));
        switch (random.nextInt(6)) {
            case 5 -> {
                // A lone surrogate is no Unicode character; JSON can still spell one as an escape.
                String[] lone = {"\\uD800", "\\uDFFF", "\\uD83D", "x\\uDE00y"};
                String escape = lone[random.nextInt(lone.length)];
                return utf8(random.nextBoolean() ? compact.replace("\"CASE-2026-0001\"", "\"CASE" + escape + "\"")
                        : compact.replace("{\"caseId\"", "{\"key" + escape + "\":1,\"caseId\""));
            }
            case 0 -> copy.put("reason", "SWITCH_PROVIDER" + noise);
            case 1 -> ((ObjectNode) copy.get("merchant")).put("type", noise);
            case 2 -> copy.put(noise, "unknown field named in unicode");
            case 3 -> copy.put("caseId", noise + "\u0007");
            default -> ((ArrayNode) copy.get("documents")).add(noise);
        }
        return write(copy);
    }

    byte[] unknownField() {
        ObjectNode copy = valid.deepCopy();
        List<String> objects = List.of("", "merchant", "terminal", "terminal.deposit", "contract",
                "contract.earlyTermination", "account", "dataWipe", "newProvider");
        String path = objects.get(random.nextInt(objects.size()));
        ObjectNode target = path.isEmpty() ? copy : (ObjectNode) at(copy, path);
        String[] names = {"caseID", "reasons", "merchantID", "__proto__", "constructor", "$where", "amount ",
            "regulatory_hold", "x", "Merchant"};
        target.put(names[random.nextInt(names.length)] + (random.nextBoolean() ? "" : unicodeNoise(2)), true);
        return write(copy);
    }

    byte[] tooManyListEntries() {
        ObjectNode copy = valid.deepCopy();
        ArrayNode documents = copy.putArray("documents");
        for (int i = 0, n = 15 + random.nextInt(2000); i < n; i++) {
            documents.add("UNBIND_APPLICATION");
        }
        return write(copy);
    }

    private String unicodeNoise(int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            text.appendCodePoint(UNICODE[random.nextInt(UNICODE.length)]);
        }
        return text.toString();
    }

    private void collectLeaves(JsonNode node, String path) {
        if (!path.isEmpty()) {
            leaves.add(path);
        }
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                collectLeaves(node.get(name), path.isEmpty() ? name : path + "." + name);
            }
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.get(part);
        }
        return node;
    }

    private static ObjectNode replace(ObjectNode root, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? root : (ObjectNode) at(root, path.substring(0, dot));
        parent.set(path.substring(dot + 1), value);
        return root;
    }

    private static byte[] write(JsonNode node) {
        return utf8(writeText(node));
    }

    private static String writeText(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
