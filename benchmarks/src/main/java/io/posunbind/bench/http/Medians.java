package io.posunbind.bench.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the load generator's tab-separated phase lines and prints, per database and phase, the median of the
 * repeated runs (throughput and each percentile taken separately) and the errors summed, as a Markdown table.
 */
public final class Medians {
    private Medians() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String[]>> byPhase = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t");
            if (f.length < 12 || f[0].equals("label")) {
                continue;
            }
            byPhase.computeIfAbsent(f[0] + "\t" + f[1] + "\t" + f[2], k -> new ArrayList<>()).add(f);
        }
        System.out.println("| database | load | runs | answered 200/s | p50 ms | p99 ms | p99.9 ms | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        byPhase.forEach((key, runs) -> {
            String[] k = key.split("\t");
            int errors = runs.stream().mapToInt(f -> Integer.parseInt(f[6])).sum();
            System.out.printf(Locale.ROOT, "| %s | %s %s | %d | %.0f | %.1f | %.1f | %.1f | %d |%n", k[0], k[1], k[2],
                    runs.size(), median(runs, 7), median(runs, 8), median(runs, 9), median(runs, 10), errors);
        });
    }

    private static double median(List<String[]> runs, int column) {
        double[] values = runs.stream().mapToDouble(f -> Double.parseDouble(f[column])).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
