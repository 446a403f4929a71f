package io.posunbind.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.json.JsonMapper;

import io.posunbind.reference.CaseGenerator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * HTTP load over loopback against a running service: POST /api/v1/decisions with a corpus of distinct generated
 * cases, signed in with HTTP Basic. Two kinds of phase:
 * <ul>
 * <li>{@code open:RATE}: requests start at a fixed rate whatever the answers do; latency runs from the moment a
 * request was due, so a server (or client) that falls behind shows it in the percentiles instead of hiding it
 * (no coordinated omission);</li>
 * <li>{@code closed:N}: N connections, each sending its next request when the answer to the last one arrived;
 * saturation throughput.</li>
 * </ul>
 * Prints one tab-separated line per phase (and appends it to {@code --out}). Bounded: every phase stops by itself.
 * <pre>java -cp benchmarks.jar io.posunbind.bench.http.HttpLoad --url http://127.0.0.1:18301 --user client:pw
 *      --label h2 --duration 20 --warmup 10 --phase open:250 --phase open:1000 --phase closed:32</pre>
 */
public final class HttpLoad {
    private static final long TIMEOUT_MS = 10_000;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient client;
    private final RequestOptions request;
    private final List<byte[]> bodies;
    private final AtomicInteger inFlight = new AtomicInteger();

    private HttpLoad(URI url, String user, int cases, int maxConnections) {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(maxConnections).setMaxWaitQueueSize(-1));
        request = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost()).setPort(url.getPort())
                .setURI("/api/v1/decisions").setTimeout(TIMEOUT_MS)
                .putHeader("Content-Type", "application/json")
                .putHeader("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        JsonMapper json = JsonMapper.builder().build();
        bodies = new CaseGenerator(20261127L).generate(cases).stream().map(node -> {
            try {
                return json.writeValueAsBytes(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    public static void main(String[] args) throws Exception {
        Arguments a = Arguments.parse(args);
        HttpLoad load = new HttpLoad(URI.create(a.url()), a.user(), a.cases(), a.maxConnections());
        try {
            if (a.warmupSeconds() > 0) {
                load.closed(8, a.warmupSeconds());
                System.err.printf("warm-up done (%d s)%n", a.warmupSeconds());
            }
            List<String> lines = new ArrayList<>();
            for (String phase : a.phases()) {
                String[] kind = phase.split(":", 2);
                int value = Integer.parseInt(kind[1]);
                Latencies seen = kind[0].equals("open") ? load.open(value, a.durationSeconds())
                        : load.closed(value, a.durationSeconds());
                String line = seen.summarize(a.durationSeconds()).line(a.label(), kind[0],
                        kind[0].equals("open") ? value + "/s" : value + " conn", a.durationSeconds());
                System.out.println(line);
                lines.add(line);
            }
            if (a.out() != null) {
                Path out = Path.of(a.out());
                if (!Files.exists(out)) {
                    Files.writeString(out, Latencies.Summary.header() + "\n");
                }
                Files.write(out, lines, StandardOpenOption.APPEND);
            }
        } finally {
            load.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Starts requests at the rate for the duration, then waits for the last answers. */
    private Latencies open(int perSecond, int seconds) throws InterruptedException {
        Latencies seen = new Latencies();
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (long i = 0; start + i * interval < end; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send((int) (i % bodies.size()), due, seen, null);
        }
        drain();
        return seen;
    }

    /** Keeps N requests outstanding for the duration: each answer starts the next request. */
    private Latencies closed(int connections, int seconds) throws InterruptedException {
        Latencies seen = new Latencies();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger next = new AtomicInteger();
        for (int c = 0; c < connections; c++) {
            loop(next, end, seen);
        }
        while (System.nanoTime() < end) {
            Thread.sleep(50);
        }
        drain();
        return seen;
    }

    private void loop(AtomicInteger next, long end, Latencies seen) {
        if (System.nanoTime() < end) {
            send(Math.floorMod(next.getAndIncrement(), bodies.size()), System.nanoTime(), seen,
                    () -> loop(next, end, seen));
        }
    }

    private void send(int body, long due, Latencies seen, Runnable then) {
        inFlight.incrementAndGet();
        client.request(request)
                .compose(req -> req.send(Buffer.buffer(bodies.get(body)))
                        .compose(resp -> resp.body().map(b -> String.valueOf(resp.statusCode()))))
                .onComplete(answer -> {
                    seen.add(answer.succeeded() ? answer.result() : answer.cause().getClass().getSimpleName(),
                            System.nanoTime() - due);
                    inFlight.decrementAndGet();
                    if (then != null) {
                        then.run();
                    }
                });
    }

    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS + 5_000);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
