package io.posunbind.decision;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * The spans of the tests, kept in memory. A span exporter bean replaces the OTLP exporter, so no test ever sends
 * spans anywhere; with the SDK off (the default) it receives nothing.
 */
public class InMemorySpans {
    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
