package io.posunbind.bench.http;

import java.util.ArrayList;
import java.util.List;

/** The load generator's command line: {@code --name value} pairs, {@code --phase} repeated. */
record Arguments(String url, String user, String label, int durationSeconds, int warmupSeconds, int cases,
                 int maxConnections, List<String> phases, String out) {

    static Arguments parse(String[] args) {
        String url = "http://127.0.0.1:18301";
        String user = "client:client-demo-pw";
        String label = "run";
        String out = null;
        int duration = 20;
        int warmup = 10;
        int cases = 1000;
        int maxConnections = 64;
        List<String> phases = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--label" -> label = value;
                case "--out" -> out = value;
                case "--duration" -> duration = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--cases" -> cases = Integer.parseInt(value);
                case "--max-connections" -> maxConnections = Integer.parseInt(value);
                case "--phase" -> phases.add(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        for (String phase : phases) {
            if (!phase.matches("(open|closed):\\d+")) {
                throw new IllegalArgumentException("a phase is open:RATE or closed:CONNECTIONS, not " + phase);
            }
        }
        if (phases.isEmpty()) {
            phases = List.of("open:250", "open:500", "open:1000", "closed:32");
        }
        return new Arguments(url, user, label, duration, warmup, cases, maxConnections, phases, out);
    }
}
