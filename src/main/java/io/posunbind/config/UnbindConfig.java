package io.posunbind.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of the service, under the prefix {@code unbind}. */
@ConfigMapping(prefix = "unbind")
public interface UnbindConfig {

    Rules rules();

    Decisions decisions();

    interface Rules {
        /** Directory the rule files are read from at startup and on reload; relative to the working directory. */
        @WithDefault("rules")
        String directory();

        /** Largest rule-set upload (validate) accepted, in bytes; larger bodies are answered 413. */
        @WithDefault("1048576")
        int maxUploadBytes();
    }

    interface Decisions {
        /** Time zone whose current date is the evaluation date when a request gives no asOf. */
        @WithDefault("Asia/Shanghai")
        ZoneId zone();

        /** Largest decision request body accepted, in bytes; larger bodies are answered 413. */
        @WithDefault("65536")
        int maxBodyBytes();
    }
}
