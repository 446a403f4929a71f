package io.posunbind.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads JMH JSON results and prints the tables of docs/benchmarks.md: per benchmark the median over forks (each
 * fork's mean of its iterations) for throughput, the percentiles of all samples for sample time, the median of the
 * iterations for single-shot times, and the Drools / plain-Java ratio from the same run.
 */
public final class JmhSummary {
    private JmhSummary() {
    }

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> results = new ArrayList<>();
        for (String file : args) {
            json.readTree(Path.of(file).toFile()).forEach(results::add);
        }
        double droolsPerSecond = 0;
        double plainPerSecond = 0;
        System.out.println("| benchmark | rule set | mode | forks | result |");
        System.out.println("|---|---|---|---|---|");
        for (JsonNode r : results) {
            String name = r.path("benchmark").asText().replaceAll(".*\\.bench\\.", "");
            String size = r.path("params").path("ruleSetSize").asText("1") + "x";
            String mode = r.path("mode").asText();
            JsonNode metric = r.path("primaryMetric");
            int forks = Math.max(metric.path("rawData").size(), metric.path("rawDataHistogram").size());
            String result;
            switch (mode) {
                case "thrpt" -> {
                    double perSecond = medianOfForkMeans(metric.path("rawData")) * 1_000_000;
                    result = String.format(Locale.ROOT, "%,.0f decisions/s (median of fork means)", perSecond);
                    if (name.endsWith("drools") && size.equals("1x")) {
                        droolsPerSecond = perSecond;
                    } else if (name.endsWith("plainJava")) {
                        plainPerSecond = perSecond;
                    }
                }
                case "sample" -> {
                    JsonNode p = metric.path("scorePercentiles");
                    result = String.format(Locale.ROOT, "p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs",
                            p.path("50.0").asDouble(), p.path("99.0").asDouble(), p.path("99.9").asDouble());
                }
                case "ss" -> {
                    double[] all = all(metric.path("rawData"));
                    result = String.format(Locale.ROOT, "median %.0f ms (min %.0f, max %.0f, %d runs)",
                            median(all), all[0], all[all.length - 1], all.length);
                }
                default -> result = metric.path("score").asText() + " " + metric.path("scoreUnit").asText();
            }
            System.out.printf("| %s | %s | %s | %d | %s |%n", name, size, mode, forks, result);
        }
        if (droolsPerSecond > 0 && plainPerSecond > 0) {
            System.out.printf(Locale.ROOT, "%nDrools / plain Java (policy v1, same run): %.1fx slower%n",
                    plainPerSecond / droolsPerSecond);
        }
    }

    private static double medianOfForkMeans(JsonNode rawData) {
        double[] means = new double[rawData.size()];
        for (int f = 0; f < rawData.size(); f++) {
            double sum = 0;
            for (JsonNode v : rawData.get(f)) {
                sum += v.asDouble();
            }
            means[f] = sum / rawData.get(f).size();
        }
        Arrays.sort(means);
        return median(means);
    }

    private static double[] all(JsonNode rawData) {
        List<Double> values = new ArrayList<>();
        rawData.forEach(fork -> fork.forEach(v -> values.add(v.asDouble())));
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
