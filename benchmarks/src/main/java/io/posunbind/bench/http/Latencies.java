package io.posunbind.bench.http;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load phase saw: every answer's latency (exact, not bucketed: a phase has at most a few hundred thousand)
 * and the count of each outcome (an HTTP status, or the name of the exception when there was no answer).
 */
final class Latencies {
    private long[] nanos = new long[1 << 16];
    private int count;
    private final Map<String, Integer> outcomes = new TreeMap<>();

    synchronized void add(String outcome, long latencyNanos) {
        outcomes.merge(outcome, 1, Integer::sum);
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized int total() {
        return count;
    }

    synchronized Summary summarize(double seconds) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int ok = outcomes.getOrDefault("200", 0);
        return new Summary(count, ok, count - ok, new TreeMap<>(outcomes), ok / seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.99), percentile(sorted, 0.999), sorted.length == 0 ? 0 : sorted[count - 1]);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** A phase's result; latencies in nanoseconds, throughput in answered-200 per second. */
    record Summary(int sent, int ok, int errors, Map<String, Integer> outcomes, double throughput, long p50,
                   long p99, long p999, long max) {

        String line(String label, String mode, String load, double seconds) {
            return String.format(java.util.Locale.ROOT,
                    "%s\t%s\t%s\t%.0f\t%d\t%d\t%d\t%.0f\t%.2f\t%.2f\t%.2f\t%.2f\t%s", label, mode, load, seconds,
                    sent, ok, errors, throughput, p50 / 1e6, p99 / 1e6, p999 / 1e6, max / 1e6, outcomes);
        }

        static String header() {
            return "label\tmode\tload\tseconds\tsent\tok\terrors\tok_per_s\tp50_ms\tp99_ms\tp99.9_ms\tmax_ms\toutcomes";
        }
    }
}
