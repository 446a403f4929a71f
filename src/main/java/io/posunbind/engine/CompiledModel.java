package io.posunbind.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

/**
 * A rule set's executable model as bytes: the classes the compiler generated and the names of its rule models. Every
 * rule base the service decides with is built from these bytes ({@link #load}), whether they were just compiled or
 * kept from an earlier start, so what a kept entry gives is exactly what compiling gives.
 */
final class CompiledModel {
    private static final String FORMAT = "pos-unbind compiled model 1";
    /** The format, the Drools and Java versions and the fact classes' bytes; null when one of them is unknown. */
    private static final String TOOLCHAIN = toolchain();

    private CompiledModel() {
    }

    /**
     * The key of a compilation: a hash of the files handed to the compiler (each one's path and text, in order) and
     * of everything else the generated classes depend on. Empty when the toolchain cannot be identified, and then
     * nothing is kept.
     */
    static Optional<String> key(Map<String, DrlFile> files) {
        if (TOOLCHAIN == null) {
            return Optional.empty();
        }
        MessageDigest digest = sha256();
        update(digest, TOOLCHAIN);
        files.forEach((path, file) -> {
            update(digest, ExecutableModelBuilder.drlPath(path));
            update(digest, file.text());
        });
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    /** The generated classes and the rule models of a module the executable-model compiler built. */
    static byte[] of(InternalKieModule module, ReleaseId releaseId) {
        List<String> models = new ArrayList<>();
        byte[] modelFile = module.getBytes(CanonicalKieModule.getModelFileWithGAV(releaseId));
        if (modelFile == null) {
            throw new IllegalStateException("The compiler wrote no list of rule models");
        }
        for (String line : new String(modelFile, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith(CanonicalKieModule.MODEL_VERSION)) {
                models.add(line.strip());
            }
        }
        List<String> classes = module.getFileNames().stream().filter(name -> name.endsWith(".class")).sorted()
                .toList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeUTF(FORMAT);
            out.writeInt(models.size());
            for (String model : models) {
                out.writeUTF(model);
            }
            out.writeInt(classes.size());
            for (String name : classes) {
                byte[] code = module.getBytes(name);
                out.writeUTF(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                out.writeInt(code.length);
                out.write(code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The rule base of the model: its classes defined in a class loader of their own (gone with the rule base),
     * its rule models instantiated and built.
     *
     * @throws IllegalArgumentException when the bytes are not a compiled model of this format
     */
    static KieBase load(byte[] model) {
        List<String> models = new ArrayList<>();
        Map<String, byte[]> classes = new ConcurrentHashMap<>();
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(model)))) {
            if (!FORMAT.equals(in.readUTF())) {
                throw new IllegalArgumentException("not a compiled model of format \"" + FORMAT + "\"");
            }
            for (int i = in.readInt(); i > 0; i--) {
                models.add(in.readUTF());
            }
            for (int i = in.readInt(); i > 0; i--) {
                String name = in.readUTF();
                byte[] code = new byte[in.readInt()];
                in.readFully(code);
                classes.put(name, code);
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("bytes after the last class");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("a compiled model that cannot be read: " + e, e);
        }
        ModelClassLoader loader = new ModelClassLoader(classes);
        List<Model> instances = new ArrayList<>(models.size());
        try {
            for (String name : models) {
                instances.add((Model) loader.loadClass(name).getDeclaredConstructor().newInstance());
            }
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            throw new IllegalArgumentException("a compiled model whose rule models cannot be made: " + e, e);
        }
        return KieBaseBuilder.createKieBaseFromModel(instances,
                KieServices.Factory.get().newKieBaseConfiguration(null, loader));
    }

    private static String toolchain() {
        String drools = ExecutableModelProject.class.getPackage().getImplementationVersion();
        String kieBase = KieBaseBuilder.class.getPackage().getImplementationVersion();
        List<String> facts = FactVocabulary.classFiles();
        if (drools == null || kieBase == null || facts.isEmpty()) {
            return null;
        }
        MessageDigest digest = sha256();
        try {
            for (String file : facts) {
                update(digest, file);
                byte[] code = FactVocabulary.classFile(file);
                digest.update(code);
            }
        } catch (IOException e) {
            return null;
        }
        return FORMAT + "\ndrools " + drools + " " + kieBase + "\njava " + Runtime.version() + "\nfacts "
                + HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Defines a rule set's generated classes on first use, each once; their parent sees the application. */
    private static final class ModelClassLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes;

        ModelClassLoader(Map<String, byte[]> classes) {
            super("rule-set-model", LookupCache.INSTANCE);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] code = classes.remove(name);
            if (code == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, code, 0, code.length);
        }
    }
}
