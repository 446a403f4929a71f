package io.posunbind.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.restassured.RestAssured;

/** Reads the service's /q/metrics, for tests that watch a counter or gauge move or ask what is exported. */
public final class PrometheusSamples {
    private PrometheusSamples() {
    }

    /** One exported sample: {@code key} as printed ({@code name{labels}}), its metric name, its value. */
    private record Sample(String key, String name, double value) {
    }

    private static List<Sample> scrape() {
        String text = RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String key = line.substring(0, space);
            int brace = key.indexOf('{');
            samples.add(new Sample(key, brace < 0 ? key : key.substring(0, brace),
                    Double.parseDouble(line.substring(space + 1))));
        }
        return samples;
    }

    /**
     * The value of a sample: {@code name{label="value",...}} exactly as exported, or a bare name for the first sample
     * of that name whatever its labels.
     *
     * @throws AssertionError when the service exports no such sample
     */
    public static double value(String sample) {
        for (Sample s : scrape()) {
            if (s.key().equals(sample) || (sample.indexOf('{') < 0 && s.name().equals(sample))) {
                return s.value();
            }
        }
        throw new AssertionError(sample + " is not in /q/metrics");
    }

    /** The names of every metric exported now. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        scrape().forEach(s -> names.add(s.name()));
        return names;
    }
}
