package io.posunbind.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519, as the Go checksum database and Sigstore write them: the
 * text, a blank line, and one line per signature, {@code — <name> <base64(key id || signature)>}, the signature over
 * the text with its final newline. The key id is the first 4 bytes of {@code SHA-256(name || 0x0A || 0x01 ||
 * public key)}; the verifier key is written {@code <name>+<hex key id>+<base64(0x01 || public key)>}.
 */
public final class SignedNote {
    private static final byte ED25519 = 1;
    private static final String DASH = "\u2014 ";
    /** X.509 and PKCS#8 prefixes of an Ed25519 key (RFC 8410): the raw 32 bytes follow them. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private SignedNote() {
    }

    /** One party's key to check notes with. */
    public record Verifier(String name, byte[] keyId, byte[] publicKey) {
        /** Reads {@code <name>+<hex key id>+<base64(0x01 || key)>}; the key id must match the key. */
        public static Verifier parse(String text) {
            String[] parts = text.strip().split("\\+", 3);
            if (parts.length != 3 || parts[0].isEmpty()) {
                throw new IllegalArgumentException("a verifier key is <name>+<key id>+<key>, got " + text.strip());
            }
            byte[] encoded;
            try {
                encoded = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the key of the verifier key is not base64: " + parts[2], e);
            }
            if (encoded.length != 33 || encoded[0] != ED25519) {
                throw new IllegalArgumentException("the verifier key is not an Ed25519 key (0x01 and 32 bytes)");
            }
            byte[] key = Arrays.copyOfRange(encoded, 1, 33);
            byte[] id = SignedNote.keyId(parts[0], key);
            if (!HexFormat.of().formatHex(id).equalsIgnoreCase(parts[1])) {
                throw new IllegalArgumentException("the verifier key's id " + parts[1] + " is not its key's ("
                        + HexFormat.of().formatHex(id) + ")");
            }
            return new Verifier(parts[0], id, key);
        }

        public String encoded() {
            byte[] typed = new byte[33];
            typed[0] = ED25519;
            System.arraycopy(publicKey, 0, typed, 1, 32);
            return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
        }

        /** The key id as 8 hex digits: the fingerprint printed next to a signature. */
        public String keyIdHex() {
            return HexFormat.of().formatHex(keyId);
        }

        /** SHA-256 of the encoded verifier key, hex: a fingerprint to compare by eye. */
        public String fingerprint() {
            return HexFormat.of().formatHex(Merkle.sha256().digest(encoded().getBytes(StandardCharsets.UTF_8)));
        }

        boolean verifies(byte[] text, byte[] signature) {
            try {
                Signature ed = Signature.getInstance("Ed25519");
                ed.initVerify(SignedNote.publicKey(publicKey));
                ed.update(text);
                return ed.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }

    /** A private key with its name; the public half is kept beside it (the JDK cannot derive it from the seed). */
    public record Signer(String name, byte[] seed, Verifier verifier) {
        public static Signer generate(String name) {
            checkName(name);
            try {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] pub = tail(pair.getPublic().getEncoded(), 32);
                byte[] seed = tail(pair.getPrivate().getEncoded(), 32);
                return new Signer(name, seed, new Verifier(name, keyId(name, pub), pub));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
            }
        }

        /** Go's encoding of a note signing key: {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>}. */
        public String encoded() {
            byte[] typed = new byte[33];
            typed[0] = ED25519;
            System.arraycopy(seed, 0, typed, 1, 32);
            return "PRIVATE+KEY+" + name + "+" + verifier.keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
        }

        /** Reads {@link #encoded()} and the verifier key written after it. */
        public static Signer parse(String privateKey, String verifierKey) {
            String[] parts = privateKey.strip().split("\\+", 5);
            if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
                throw new IllegalArgumentException("a signing key is PRIVATE+KEY+<name>+<key id>+<key>");
            }
            byte[] typed = Base64.getDecoder().decode(parts[4]);
            if (typed.length != 33 || typed[0] != ED25519) {
                throw new IllegalArgumentException("the signing key is not an Ed25519 key (0x01 and 32 bytes)");
            }
            Verifier verifier = Verifier.parse(verifierKey);
            if (!verifier.name().equals(parts[2]) || !verifier.keyIdHex().equalsIgnoreCase(parts[3])) {
                throw new IllegalArgumentException("the verifier key " + verifier.encoded()
                        + " is not the signing key's (" + parts[2] + ", " + parts[3] + ")");
            }
            Signer signer = new Signer(parts[2], Arrays.copyOfRange(typed, 1, 33), verifier);
            byte[] probe = "probe\n".getBytes(StandardCharsets.UTF_8);
            if (!verifier.verifies(probe, signer.signature(probe))) {
                throw new IllegalArgumentException("the verifier key does not check the signing key's signatures");
            }
            return signer;
        }

        byte[] signature(byte[] text) {
            try {
                Signature ed = Signature.getInstance("Ed25519");
                ed.initSign(privateKey(seed));
                ed.update(text);
                return ed.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 signing failed", e);
            }
        }

        /** The text as a signed note: the text, a blank line and this key's signature line. */
        public String sign(String text) {
            checkText(text);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            byte[] sig = signature(bytes);
            byte[] line = new byte[4 + sig.length];
            System.arraycopy(verifier.keyId(), 0, line, 0, 4);
            System.arraycopy(sig, 0, line, 4, sig.length);
            return text + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
        }
    }

    /** A note read back: its text and whether a trusted key signed it. */
    public record Opened(String text, Optional<Verifier> signedBy, List<String> signers) {
    }

    /**
     * Splits the note at its last blank line and checks its signatures against the keys given: the first
     * signature line whose name and key id match a key decides. A note no trusted key signed comes back with
     * {@code signedBy} empty; a note that is not a signed note at all is refused.
     */
    public static Opened open(String note, List<Verifier> trusted) {
        if (!note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note ends with a newline");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note has a blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2).split("\n");
        List<String> signers = new ArrayList<>();
        Optional<Verifier> signedBy = Optional.empty();
        boolean decided = false;
        for (String line : lines) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("a signature line starts with an em dash and a space: " + line);
            }
            String[] nameAndSig = line.substring(DASH.length()).split(" ", -1);
            if (nameAndSig.length != 2) {
                throw new IllegalArgumentException("a signature line is \u2014 <name> <signature>: " + line);
            }
            byte[] sig;
            try {
                sig = Base64.getDecoder().decode(nameAndSig[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a signature is base64: " + line, e);
            }
            if (sig.length < 5) {
                throw new IllegalArgumentException("a signature holds a key id and a signature: " + line);
            }
            signers.add(nameAndSig[0] + "+" + HexFormat.of().formatHex(sig, 0, 4));
            for (Verifier v : trusted) {
                if (!decided && v.name().equals(nameAndSig[0]) && Arrays.equals(v.keyId(), Arrays.copyOf(sig, 4))) {
                    decided = true;
                    if (v.verifies(text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(sig, 4, sig.length))) {
                        signedBy = Optional.of(v);
                    }
                }
            }
        }
        return new Opened(text, signedBy, signers);
    }

    static byte[] keyId(String name, byte[] publicKey) {
        var sha = Merkle.sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(ED25519);
        sha.update(publicKey);
        return Arrays.copyOf(sha.digest(), 4);
    }

    static void checkName(String name) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a key name is not empty and holds no '+' and no space: " + name);
        }
    }

    private static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline and holds no blank line");
        }
    }

    private static byte[] tail(byte[] encoded, int n) {
        return Arrays.copyOfRange(encoded, encoded.length - n, encoded.length);
    }

    private static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
    }

    private static PrivateKey privateKey(byte[] seed) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
