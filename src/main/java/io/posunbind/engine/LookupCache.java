package io.posunbind.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parent class loader of every compiled rule set: the application's own, with what the rule compiler asks of
 * it remembered. Compiling resolves each simple name in a rule file against every import ({@code Account} as
 * {@code java.lang.Account}, {@code io.posunbind.facts.Account}, ...) and reads the class files of the types it
 * uses; most of those lookups fail, and the packaged app's class loader answers each one, found or not, by opening
 * the jar again (it keeps only a few jars open after startup). The classes the application can see never change
 * while it runs, so an answer, a class, a missing class or a class file's bytes, is the same every time and is kept:
 * validating policy v1 twice asks the jars nothing the second time. Nothing is defined here; the generated rule
 * classes stay in each rule set's own loader, and go when it goes.
 */
final class LookupCache extends ClassLoader {
    /** Class-file bytes kept, at most: the types rules use, not the whole class path. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    static final LookupCache INSTANCE = new LookupCache(LookupCache.class.getClassLoader());

    static {
        registerAsParallelCapable();
    }

    private final ConcurrentHashMap<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<byte[]>> classFiles = new ConcurrentHashMap<>();
    private final AtomicLong bytesKept = new AtomicLong();

    private LookupCache(ClassLoader application) {
        super("rule-compiler-lookups", application);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Optional<Class<?>> known = classes.get(name);
        if (known == null) {
            try {
                known = Optional.of(getParent().loadClass(name));
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                known = Optional.empty();
            }
            classes.putIfAbsent(name, known);
        }
        return known.orElseThrow(() -> new ClassNotFoundException(name));
    }

    @Override
    public URL getResource(String name) {
        if (name.endsWith(".class") && classFile(name).isEmpty()) {
            return null;
        }
        return getParent().getResource(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        if (!name.endsWith(".class")) {
            return getParent().getResourceAsStream(name);
        }
        return classFile(name).map(ByteArrayInputStream::new).orElse(null);
    }

    private Optional<byte[]> classFile(String name) {
        Optional<byte[]> known = classFiles.get(name);
        if (known != null) {
            return known;
        }
        try (InputStream in = getParent().getResourceAsStream(name)) {
            known = in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name + " from the application's class path", e);
        }
        if (known.isEmpty() || bytesKept.addAndGet(known.get().length) <= MAX_BYTES) {
            classFiles.putIfAbsent(name, known);
        }
        return known;
    }
}
