package io.posunbind.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one clock of the service, in the configured zone. Only the edge reads it; rules never do. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(UnbindConfig config) {
        return Clock.system(config.decisions().zone());
    }
}
