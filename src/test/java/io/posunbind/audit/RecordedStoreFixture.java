package io.posunbind.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The store of src/test/resources/replay-fixture/store.json: every row of the audit tables as the build of
 * commit 090e91f recorded them on PostgreSQL (its README says how), at that build's schema version. Inserted as
 * it is, bytes and hashes untouched, into a database migrated to that version.
 */
final class RecordedStoreFixture {
    static final Path FILE = Path.of("src/test/resources/replay-fixture/store.json");
    /** Tables in the order their foreign keys need. */
    private static final List<String> TABLES = List.of("ruleset_snapshot", "ruleset_version", "ruleset_activation",
            "decision_record");
    private static final Set<String> BYTES = Set.of("request_body", "answer_body");
    private static final Set<String> TIMES = Set.of("stored_at", "created_at", "activated_at", "recorded_at");

    private final JsonNode store;

    private RecordedStoreFixture(JsonNode store) {
        this.store = store;
    }

    static RecordedStoreFixture load() {
        try {
            return new RecordedStoreFixture(JsonMapper.builder().build().readTree(Files.readString(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Flyway version the store was at when it was recorded. */
    String schemaVersion() {
        return store.get("schemaVersion").asText();
    }

    List<String> decisionIds() {
        List<String> ids = new ArrayList<>();
        store.get("decision_record").forEach(row -> ids.add(row.get("decision_id").asText()));
        return ids;
    }

    void insertInto(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES) {
                for (JsonNode row : store.get(table)) {
                    insert(c, table, row);
                }
            }
            long next = store.get("ruleset_activation").size() + 1;
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE ruleset_activation ALTER COLUMN activation_id RESTART WITH " + next);
            }
        }
    }

    private static void insert(Connection c, String table, JsonNode row) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (Iterator<String> it = row.fieldNames(); it.hasNext();) {
            columns.add(it.next());
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(col -> "?").toList()) + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                insert.setObject(i + 1, value(columns.get(i), row.get(columns.get(i))));
            }
            insert.executeUpdate();
        }
    }

    private static Object value(String column, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (BYTES.contains(column)) {
            return Base64.getMimeDecoder().decode(value.asText());
        }
        if (TIMES.contains(column)) {
            return OffsetDateTime.parse(value.asText());
        }
        if (column.equals("as_of")) {
            return LocalDate.parse(value.asText());
        }
        return value.isNumber() ? (Object) value.numberValue() : value.asText();
    }
}
