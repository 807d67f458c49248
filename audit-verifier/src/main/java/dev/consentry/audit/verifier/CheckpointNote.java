package dev.consentry.audit.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Checkpoints as the transparency-log ecosystem reads them: a C2SP signed note (c2sp.org/signed-note) whose text is a
 * C2SP checkpoint (c2sp.org/tlog-checkpoint) — origin, tree size, base64 root hash, one per line — followed by a blank
 * line and signature lines {@code "— <key name> base64(key ID || Ed25519 signature)"}. Witnesses and monitors that
 * speak this format can keep and cosign Consentry's checkpoints. Key names equal the origin, as the spec recommends.
 */
public final class CheckpointNote {

    /** Signature type byte of plain Ed25519 note signatures. */
    private static final byte ED25519 = 0x01;
    private static final String SIGNATURE_PREFIX = "— ";
    /** X.509 SubjectPublicKeyInfo header of an Ed25519 key; the raw 32-byte key follows it. */
    private static final byte[] ED25519_SPKI_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int MAX_SIGNATURES = 100;

    private CheckpointNote() {
    }

    /** The checkpoint text: origin, tree size and root hash (base64), each ending in a newline. */
    public static String text(String origin, long treeSize, String rootHashBase64) {
        if (origin.isEmpty() || origin.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a checkpoint origin is non-empty, without spaces or '+'");
        }
        return origin + "\n" + treeSize + "\n" + rootHashBase64 + "\n";
    }

    /** The signed note: the text, a blank line and the signature line of the key named {@code keyName}. */
    public static String signed(String text, VerifierKey key, byte[] ed25519Signature) {
        byte[] line = ByteBuffer.allocate(4 + ed25519Signature.length).putInt(key.keyId()).put(ed25519Signature).array();
        return text + "\n" + SIGNATURE_PREFIX + key.name() + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    /**
     * The checkpoint in {@code note} if a signature of {@code key} verifies. Signatures of other keys are ignored (they
     * may be witnesses' cosignatures); a note without a verifying signature of the key is refused.
     */
    public static Body open(String note, VerifierKey key) {
        Parsed parsed = parse(note);
        boolean verified = false;
        for (SignatureLine line : parsed.signatures()) {
            if (line.keyName().equals(key.name()) && line.keyId() == key.keyId()) {
                if (!key.verifies(parsed.text(), line.signature())) {
                    throw new NoteException("the signature of " + key.name() + " does not verify");
                }
                verified = true;
            }
        }
        if (!verified) {
            throw new NoteException("the note carries no signature of " + key.name());
        }
        return Body.parse(parsed.text());
    }

    /** The text of a signed note and its signature lines, not yet verified. */
    public static Parsed parse(String note) {
        if (note.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new NoteException("a signed note holds no control characters but newlines");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new NoteException("a signed note is text, a blank line and signature lines, each ending in a newline");
        }
        String text = note.substring(0, split + 1);
        List<SignatureLine> signatures = new ArrayList<>();
        for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new NoteException("too many signatures");
            }
            signatures.add(SignatureLine.parse(line));
        }
        return new Parsed(text, signatures);
    }

    public record Parsed(String text, List<SignatureLine> signatures) {
    }

    public record SignatureLine(String keyName, int keyId, byte[] signature) {

        static SignatureLine parse(String line) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new NoteException("a signature line starts with an em dash and a space");
            }
            String rest = line.substring(SIGNATURE_PREFIX.length());
            int space = rest.indexOf(' ');
            if (space <= 0) {
                throw new NoteException("a signature line is a key name, a space and base64");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(rest.substring(space + 1));
            } catch (IllegalArgumentException e) {
                throw new NoteException("a signature is not base64");
            }
            if (bytes.length < 5) {
                throw new NoteException("a signature is a 4-byte key ID and the signature");
            }
            return new SignatureLine(rest.substring(0, space), ByteBuffer.wrap(bytes).getInt(),
                    Arrays.copyOfRange(bytes, 4, bytes.length));
        }
    }

    /** The three lines every checkpoint has; extension lines are ignored. */
    public record Body(String origin, long treeSize, String rootHash) {

        static Body parse(String text) {
            String[] lines = text.split("\n", -1);
            if (lines.length < 4 || lines[0].isEmpty() || lines[2].isEmpty()) {
                throw new NoteException("a checkpoint is an origin, a tree size and a root hash, one per line");
            }
            if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
                throw new NoteException("a checkpoint's tree size is a decimal number without leading zeroes");
            }
            try {
                if (Base64.getDecoder().decode(lines[2]).length != 32) {
                    throw new NoteException("a checkpoint's root hash is 32 bytes");
                }
            } catch (IllegalArgumentException e) {
                throw new NoteException("a checkpoint's root hash is base64");
            }
            return new Body(lines[0], Long.parseLong(lines[1]), lines[2]);
        }
    }

    /**
     * A note verifier key: a key name and an Ed25519 public key, written {@code <name>+<key ID, 8 hex>+<base64(0x01 ||
     * 32-byte key)>} as witnesses and the Go note package configure them.
     */
    public record VerifierKey(String name, int keyId, byte[] publicKey) {

        public VerifierKey {
            if (name.isEmpty() || name.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c))) {
                throw new NoteException("a key name is non-empty, without spaces or '+'");
            }
            if (publicKey.length != 32) {
                throw new NoteException("an Ed25519 public key is 32 bytes");
            }
        }

        /** @param x509Base64 the X.509 SubjectPublicKeyInfo of an Ed25519 key, base64 (what Consentry publishes) */
        public static VerifierKey of(String name, String x509Base64) {
            byte[] spki = Base64.getDecoder().decode(x509Base64);
            if (spki.length != ED25519_SPKI_HEADER.length + 32
                    || !Arrays.equals(ED25519_SPKI_HEADER, Arrays.copyOf(spki, ED25519_SPKI_HEADER.length))) {
                throw new NoteException("not an Ed25519 public key");
            }
            byte[] raw = Arrays.copyOfRange(spki, ED25519_SPKI_HEADER.length, spki.length);
            return new VerifierKey(name, keyId(name, raw), raw);
        }

        public static VerifierKey parse(String encoded) {
            String[] parts = encoded.trim().split("\\+", 3);
            if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
                throw new NoteException("a verifier key is <name>+<8 hex digits>+<base64>");
            }
            byte[] typed;
            try {
                typed = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new NoteException("a verifier key's key is base64");
            }
            if (typed.length != 33 || typed[0] != ED25519) {
                throw new NoteException("only Ed25519 verifier keys (type 0x01) are supported");
            }
            VerifierKey key = new VerifierKey(parts[0], Integer.parseUnsignedInt(parts[1], 16),
                    Arrays.copyOfRange(typed, 1, 33));
            if (key.keyId() != keyId(key.name(), key.publicKey())) {
                throw new NoteException("the verifier key's ID does not match its name and key");
            }
            return key;
        }

        public String encoded() {
            byte[] typed = ByteBuffer.allocate(33).put(ED25519).put(publicKey).array();
            return name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(typed);
        }

        boolean verifies(String text, byte[] signature) {
            try {
                byte[] spki = ByteBuffer.allocate(ED25519_SPKI_HEADER.length + 32).put(ED25519_SPKI_HEADER).put(publicKey).array();
                PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(text.getBytes(StandardCharsets.UTF_8));
                return verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        /** SHA-256(key name || 0x0A || 0x01 || key)[:4], big-endian. */
        static int keyId(String name, byte[] rawKey) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
                sha.update(ED25519);
                sha.update(rawKey);
                return ByteBuffer.wrap(sha.digest()).getInt();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof VerifierKey k && k.name.equals(name) && k.keyId == keyId && Arrays.equals(k.publicKey, publicKey);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + keyId;
        }

        @Override
        public String toString() {
            return encoded();
        }
    }

    /** A note that is malformed or does not verify; the message says which rule it breaks. */
    public static final class NoteException extends IllegalArgumentException {
        public NoteException(String message) {
            super(message);
        }
    }
}
