package io.posunbind.config;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of the service, under the prefix {@code unbind}. */
@ConfigMapping(prefix = "unbind")
public interface UnbindConfig {

    Rules rules();

    Decisions decisions();

    Storage storage();

    Security security();

    Audit audit();

    interface Audit {
        /** Breaks of the decision log that verify lists, at most; it counts them all. */
        @WithDefault("100")
        int verifyMaxBreaks();

        /**
         * The log's origin: the first line of every checkpoint and the name of its signing key. Give it a name of
         * your own, such as your host and a path ({@code audit.acquirer.example/pos-unbind}); no spaces, no '+'.
         */
        @WithDefault(DEFAULT_ORIGIN)
        String origin();

        /** The origin unless one is given. */
        String DEFAULT_ORIGIN = "posunbind.local/decisions";

        /**
         * The file holding the Ed25519 key that signs the checkpoints, kept outside the database; created with a
         * new key at the first start when absent. Every instance sharing a database must read the same key.
         */
        @WithDefault("${unbind.storage.data-directory}/audit-signing-key")
        String signingKeyFile();

        /** Verifier keys of earlier signing keys, whose checkpoints verify still accepts after a key rotation. */
        Optional<List<String>> trustedKeys();

        /** When a checkpoint is signed: every so many new leaves, or after so long with any new leaf. */
        @WithDefault("1000")
        int checkpointEveryRecords();

        @WithDefault("10s")
        Duration checkpointInterval();

        /** How often committed records become leaves of the tree (and a checkpoint is considered). */
        @WithDefault("200ms")
        Duration sequenceInterval();

        /** How often records that no instance made leaves of (it stopped first) are looked for. */
        @WithDefault("10m")
        Duration sweepInterval();

        /** How long decision records are kept before the archive command may purge them, e.g. P5Y; unset: ever. */
        Optional<Period> retention();

        /** Where the archive command writes the export of the records it purges. */
        @WithDefault("${unbind.storage.data-directory}/archive")
        String archiveDirectory();
    }

    interface Rules {
        /** Directory the rule files are read from at startup and on reload; relative to the working directory. */
        @WithDefault("rules")
        String directory();

        /** Largest rule-set upload (validate) accepted, in bytes; larger bodies are answered 413. */
        @WithDefault("1048576")
        int maxUploadBytes();

        /** Compiled rule-set versions kept for replays besides the active one; the least recently used go first. */
        @WithDefault("8")
        int cacheSize();

        /**
         * Keep each compiled rule set in the database, sealed, so that a start, an activation or a replay of files
         * compiled before, on any instance, loads it instead of compiling it again (docs/rulesets.md, "Starting
         * fast").
         */
        @WithDefault("true")
        boolean keepCompiled();

        /**
         * How often each instance reads the active version from the database and switches to it: instances sharing
         * a database decide with a newly activated version within this interval. 0 turns it off.
         */
        @WithDefault("2s")
        Duration syncInterval();

        /** How often the rules directory is checked for changes, which are then reloaded; unset (default): never. */
        Optional<Duration> watchInterval();

        /**
         * Approvals by rules approvers other than its author that a version needs before it may be activated
         * (four-eyes). 0 turns approval off, with a WARN at every start.
         */
        @WithDefault("1")
        int approvalsRequired();
    }

    interface Decisions {
        /** Time zone whose current date is the evaluation date when a request gives no asOf. */
        @WithDefault("Asia/Shanghai")
        ZoneId zone();

        /** Largest decision request body accepted, in bytes; larger bodies are answered 413. */
        @WithDefault("65536")
        int maxBodyBytes();

        /**
         * Decision requests let in at once; one more is answered 503 with Retry-After at once rather than queued,
         * so a flood is refused instead of piling up. Keep it at least the group commit's max-batch, or batches stay
         * small and throughput on PostgreSQL drops.
         */
        @WithDefault("64")
        int maxConcurrent();
    }

    interface Storage {
        /** The database that records decisions: {@code h2} (embedded, in files) or {@code postgresql}. */
        @WithDefault("h2")
        StorageKind kind();

        /** Directory of the embedded H2 database files; a relative path starts with {@code ./}. */
        @WithDefault("./data")
        String dataDirectory();

        /** Rows read per round trip when the export or the chain verification streams the decision log. */
        @WithDefault("500")
        int fetchSize();

        /** Group commit: concurrent decisions' records share one transaction. */
        GroupCommit groupCommit();
    }

    interface GroupCommit {
        /**
         * Whether one writer thread commits the records of concurrent decisions together; each decision is still
         * answered only after the transaction holding its record committed. False: one transaction per record.
         */
        @WithDefault("true")
        boolean enabled();

        /** Most records committed in one transaction. */
        @WithDefault("64")
        int maxBatch();

        /** How long the writer waits for more records after the first of a batch before it commits a short batch. */
        @WithDefault("1ms")
        java.time.Duration maxWait();

        /** Most records waiting for the writer; a decision arriving when the queue is full is answered 503. */
        @WithDefault("1024")
        int queueCapacity();
    }

    interface Security {
        /**
         * File of the users who may sign in with HTTP Basic, one {@code name:bcrypt-hash:role,role} a line
         * ({@code hash-password} makes the line). None: no one can sign in with a password.
         */
        Optional<String> usersFile();

        /**
         * How often the users file is looked at; a changed file is read again and its users sign in from then on,
         * without a restart. A file that cannot be used keeps the users there were, and the log says why. 0: never.
         */
        @WithDefault("2s")
        Duration usersFileCheckInterval();

        /**
         * Without a users file, whether the first start makes a user with every role and a random password, shown
         * once in the log, and keeps its hash in {@code users} under the data directory.
         */
        @WithDefault("true")
        boolean bootstrapUser();

        /** How long a user and password that passed bcrypt are trusted without hashing again; 0 turns it off. */
        @WithDefault("PT2M")
        Duration credentialCacheTtl();

        /** Most verified credentials kept in that cache; the least recently used go first. */
        @WithDefault("1000")
        int credentialCacheSize();

        /**
         * Requests each signed-in user may make, by role ({@code unbind.security.rate-limit."decision-client".*}).
         * A user holding several roles gets the most generous of their limits; a role named nowhere here is not
         * limited. Over the limit: 429 with Retry-After, counted in {@code unbind_rate_limited_total}.
         */
        java.util.Map<String, RateLimit> rateLimit();
    }

    /** A token bucket: {@code per-second} requests a second on average, up to {@code burst} at once. */
    interface RateLimit {
        double perSecond();

        /** How many requests may come at once after a quiet spell; by default one second's worth. */
        Optional<Integer> burst();
    }

    /** The databases the service can record decisions in; each is a named datasource of the same name. */
    enum StorageKind {
        H2, POSTGRESQL;

        /** The name of the Quarkus datasource that serves this kind. */
        public String datasourceName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
