package io.posunbind.audit;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;
import io.posunbind.facts.Verdict;

/**
 * Reads the query parameters of the decision list and the export. Every bad parameter is named in one 400 answer.
 * {@code from} and {@code to} bound the time a decision was recorded: an ISO instant with offset
 * ({@code 2026-11-26T08:00:00Z}), or a date, which means that whole day in the service's zone ({@code to} included).
 */
final class QueryParameters {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final String CURSOR_PREFIX = "c1|";

    private final List<FieldError> errors = new ArrayList<>();
    private final ZoneId zone;

    QueryParameters(ZoneId zone) {
        this.zone = zone;
    }

    static DecisionFilter list(String merchantId, String caseId, String verdict, String from, String to,
                               String rulesetVersion, String limit, String cursor, ZoneId zone) {
        QueryParameters p = new QueryParameters(zone);
        DecisionFilter filter = new DecisionFilter(p.text(merchantId), p.text(caseId), p.verdict(verdict),
                p.text(rulesetVersion),
                p.from(from), p.to(to), p.cursor(cursor), p.limit(limit));
        p.checkRange(filter.from(), filter.to());
        p.throwIfAny();
        return filter;
    }

    /** The [from, to) bounds of the export; either may be null. */
    static Instant[] range(String from, String to, ZoneId zone) {
        QueryParameters p = new QueryParameters(zone);
        Instant[] range = {p.from(from), p.to(to)};
        p.checkRange(range[0], range[1]);
        p.throwIfAny();
        return range;
    }

    /** How many checkpoints to list: 1 to 1000, default 100. */
    static int checkpointLimit(String limit) {
        QueryParameters p = new QueryParameters(java.time.ZoneOffset.UTC);
        int n = p.limit(limit, 100, 1000);
        p.throwIfAny();
        return n;
    }

    /** The two tree sizes of a consistency proof: both given, whole numbers, 1 <= from <= to. */
    static long[] treeSizes(String from, String to) {
        QueryParameters p = new QueryParameters(java.time.ZoneOffset.UTC);
        long[] sizes = {p.size("from", from), p.size("to", to)};
        if (p.errors.isEmpty() && sizes[0] > sizes[1]) {
            p.errors.add(new FieldError("from", "must not be larger than to (" + sizes[1] + "), not " + sizes[0]));
        }
        p.throwIfAny();
        return sizes;
    }

    private long size(String name, String value) {
        if (text(value) == null) {
            errors.add(new FieldError(name, "is required: the tree size of a signed checkpoint"));
            return 0;
        }
        try {
            long size = Long.parseLong(value.strip());
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a tree size, a whole number of 1 or more, not '" + value + "'"));
        return 0;
    }

    /** The recorded decisions a simulation replays: [from, to) (either may be null), the newest {@code limit}. */
    static SimulationScope simulation(String from, String to, String limit, String wait, ZoneId zone) {
        QueryParameters p = new QueryParameters(zone);
        SimulationScope scope = new SimulationScope(p.from(from), p.to(to),
                p.limit(limit, SimulationScope.DEFAULT_LIMIT, SimulationScope.MAX_LIMIT),
                p.number("wait", wait, 0, SimulationScope.MAX_WAIT, SimulationScope.DEFAULT_WAIT, "seconds"));
        p.checkRange(scope.from(), scope.to());
        p.throwIfAny();
        return scope;
    }

    static String cursorAfter(DecisionSummary last) {
        String position = CURSOR_PREFIX + last.recordedAt().getEpochSecond() + "|" + last.recordedAt().getNano()
                + "|" + last.decisionId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private String verdict(String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return Verdict.valueOf(value).name();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("verdict", "unknown verdict '" + value + "'; allowed: "
                    + Arrays.toString(Verdict.values())));
            return null;
        }
    }

    private Instant from(String value) {
        return time("from", value, false);
    }

    private Instant to(String value) {
        return time("to", value, true);
    }

    private Instant time(String name, String value, boolean endOfDay) {
        if (text(value) == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            errors.add(new FieldError(name, "must be a date (2026-11-26) or an instant with offset "
                    + "(2026-11-26T08:00:00Z), not '" + value + "'"));
            return null;
        }
    }

    private int limit(String value) {
        return limit(value, DEFAULT_LIMIT, MAX_LIMIT);
    }

    private int limit(String value, int byDefault, int max) {
        return number("limit", value, 1, max, byDefault, null);
    }

    /** A whole number in [min, max] (of {@code unit}, when given), or the default when absent. */
    private int number(String name, String value, int min, int max, int byDefault, String unit) {
        if (text(value) == null) {
            return byDefault;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number " + (unit == null ? "" : "of " + unit + " ")
                + "from " + min + " to " + max + ", not '" + value + "'"));
        return byDefault;
    }

    private DecisionFilter.Position cursor(String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            String[] parts = decoded.split("\\|", -1);
            if (decoded.startsWith(CURSOR_PREFIX) && parts.length == 4 && !parts[3].isEmpty()) {
                return new DecisionFilter.Position(
                        Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])), parts[3]);
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // reported below
        }
        errors.add(new FieldError("cursor", "is not a cursor this service gave out; pass nextCursor unchanged"));
        return null;
    }

    private void checkRange(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("to", "must be after from"));
        }
    }

    private void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
