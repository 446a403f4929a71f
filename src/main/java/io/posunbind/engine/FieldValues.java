package io.posunbind.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one JSON value into a Java value, or records why it cannot and answers null. The messages are written
 * here for the caller of the API: they never quote Jackson or the JDK, and they echo at most a short prefix of
 * what was sent.
 */
final class FieldValues {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int ECHO_MAX = 40;

    private final FieldErrors errors;

    FieldValues(FieldErrors errors) {
        this.errors = errors;
    }

    /**
     * A string of at most {@code maxLength} characters, without control characters or unpaired surrogates; blank
     * only if allowed.
     */
    String text(JsonNode value, String path, int maxLength, boolean blankAllowed) {
        if (!value.isTextual()) {
            return fail(path, "must be a JSON string");
        }
        String text = value.textValue();
        if (text.codePointCount(0, text.length()) > maxLength) {
            return fail(path, "must be at most " + maxLength + " characters long");
        }
        if (!blankAllowed && text.isBlank()) {
            return fail(path, "must not be blank");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return fail(path, "must not contain control characters such as line breaks or tabs");
        }
        if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            return fail(path, "must be Unicode text; a \\uD800 to \\uDFFF escape must be half of a pair");
        }
        return text;
    }

    Boolean bool(JsonNode value, String path) {
        return value.isBoolean() ? value.booleanValue() : fail(path, "must be a JSON boolean (true or false)");
    }

    /** One of the enum's constants, spelled exactly (upper case); the message lists the allowed values. */
    <E extends Enum<E>> E enumValue(JsonNode value, String path, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (!value.isTextual()) {
            return fail(path, "must be a JSON string, one of: " + allowed);
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.textValue())) {
                return constant;
            }
        }
        return fail(path, echo(value.textValue()) + " is not an allowed value; allowed: " + allowed);
    }

    /** A real calendar date written yyyy-MM-dd: 2026-02-30 is refused. */
    LocalDate date(JsonNode value, String path) {
        if (!value.isTextual() || !ISO_DATE.matcher(value.textValue()).matches()) {
            return fail(path, "must be a date written yyyy-MM-dd as a JSON string");
        }
        try {
            return LocalDate.parse(value.textValue());
        } catch (DateTimeParseException e) {
            return fail(path, echo(value.textValue()) + " is not a date that exists in the calendar");
        }
    }

    /**
     * An amount of money, normalised to 2 decimals so that 39, 39.0 and 39.00 are the same fact. A value with more
     * significant decimals (39.001) is refused; trailing zeros (39.000) are not significant and accepted.
     */
    BigDecimal amount(JsonNode value, String path, boolean negativeAllowed) {
        BigDecimal number = number(value, path);
        if (number == null) {
            return null;
        }
        BigDecimal max = RequestLimits.AMOUNT_MAX;
        if (negativeAllowed && number.abs().compareTo(max) > 0) {
            return fail(path, "must be between " + max.negate().toPlainString() + " and " + max.toPlainString());
        }
        if (!negativeAllowed && number.signum() < 0) {
            return fail(path, "must not be negative");
        }
        if (number.compareTo(max) > 0) {
            return fail(path, "must be at most " + max.toPlainString());
        }
        if (decimals(number) > RequestLimits.AMOUNT_SCALE) {
            return fail(path, "must have at most " + RequestLimits.AMOUNT_SCALE + " decimal places");
        }
        return number.setScale(RequestLimits.AMOUNT_SCALE);
    }

    /** A percentage from 0 to 100 with at most {@link RequestLimits#PERCENT_SCALE} decimals, kept as written. */
    BigDecimal percent(JsonNode value, String path) {
        BigDecimal number = number(value, path);
        if (number == null) {
            return null;
        }
        if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100)) > 0) {
            return fail(path, "must be a percentage between 0 and 100");
        }
        if (decimals(number) > RequestLimits.PERCENT_SCALE) {
            return fail(path, "must have at most " + RequestLimits.PERCENT_SCALE + " decimal places");
        }
        return number;
    }

    /** A whole number within [min, max]; as in JSON Schema, 3.0 counts as whole, 1.5 and "3" do not. */
    Integer integer(JsonNode value, String path, int min, int max) {
        BigDecimal number = number(value, path);
        if (number == null) {
            return null;
        }
        if (decimals(number) > 0) {
            return fail(path, "must be a whole number");
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0) {
            return fail(path, min == 0 ? "must not be negative" : "must be at least " + min);
        }
        if (number.compareTo(BigDecimal.valueOf(max)) > 0) {
            return fail(path, "must be at most " + max);
        }
        return number.intValueExact();
    }

    /**
     * The exact value of a JSON number. Binary floating-point nodes (a tree read without BigDecimal floats) are
     * taken at their shortest decimal form, so 39.1 stays 39.1.
     */
    private BigDecimal number(JsonNode value, String path) {
        if (value.isTextual()) {
            return fail(path, "must be a JSON number, not a string");
        }
        if (!value.isNumber()) {
            return fail(path, "must be a JSON number");
        }
        if (value.isFloatingPointNumber() && !value.isBigDecimal()) {
            double d = value.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : fail(path, "must be a finite number");
        }
        return value.decimalValue();
    }

    /** Significant decimal places: 39.10 has 1, 39 and 3E+2 have 0. */
    private static int decimals(BigDecimal number) {
        return Math.max(0, number.stripTrailingZeros().scale());
    }

    private static String echo(String given) {
        String shown = given.length() > ECHO_MAX ? given.substring(0, ECHO_MAX) + "..." : given;
        return "\"" + shown + "\"";
    }

    private <T> T fail(String path, String message) {
        errors.add(path, message);
        return null;
    }
}
