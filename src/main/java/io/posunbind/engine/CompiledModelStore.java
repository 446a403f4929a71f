package io.posunbind.engine;

import java.util.Optional;

/**
 * Where compiled rule sets are kept between starts, so that a version compiled once is loaded rather than compiled
 * again (docs/rulesets.md, "Starting fast"). Each entry is the executable model the compiler generated for one
 * exact set of files, under a key that names those files' text, the Drools and Java versions and the bytes of the
 * fact classes ({@link CompiledModel#key}): a key read back is the same compilation, or no entry at all. The store
 * seals what it keeps and answers only entries whose seal holds; the compiler loads nothing else.
 */
public interface CompiledModelStore {
    /** Keeps nothing: every rule set is compiled from its files. */
    CompiledModelStore NONE = new CompiledModelStore() {
        @Override
        public Optional<byte[]> read(String key) {
            return Optional.empty();
        }

        @Override
        public void write(String key, byte[] model) {
        }

        @Override
        public void discard(String key, String reason) {
        }
    };

    /** The entry kept under the key, when there is one and its seal holds. */
    Optional<byte[]> read(String key);

    /** Keeps the entry; a failure to keep it costs only time at the next start, so it is not thrown. */
    void write(String key, byte[] model);

    /** Drops an entry that was read but could not be loaded; the rule set is compiled from its files instead. */
    void discard(String key, String reason);
}
