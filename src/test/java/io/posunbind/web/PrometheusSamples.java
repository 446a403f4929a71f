package io.posunbind.web;

import io.restassured.RestAssured;

/** Reads one sample of the service's /q/metrics, for tests that watch a counter or gauge move. */
public final class PrometheusSamples {
    private PrometheusSamples() {
    }

    /**
     * The value of a sample: {@code name{label="value",...}} exactly as exported, or a bare name for the first sample
     * of that name whatever its labels.
     *
     * @throws AssertionError when the service exports no such sample
     */
    public static double value(String sample) {
        String text = RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String key = line.substring(0, space);
            int brace = key.indexOf('{');
            String name = brace < 0 ? key : key.substring(0, brace);
            if (key.equals(sample) || (sample.indexOf('{') < 0 && name.equals(sample))) {
                return Double.parseDouble(line.substring(space + 1));
            }
        }
        throw new AssertionError(sample + " is not in /q/metrics");
    }
}
