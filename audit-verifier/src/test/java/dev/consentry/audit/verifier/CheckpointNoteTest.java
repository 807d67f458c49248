package dev.consentry.audit.verifier;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A4 checkpoints in the C2SP signed-note format: notes made here are byte for byte what the Go reference
 * implementation (golang.org/x/mod/sumdb/note, the format's origin) makes with the same key, and its published note
 * verifies here; altered notes, foreign keys and malformed checkpoints are refused.
 */
class CheckpointNoteTest {

    // The published example of golang.org/x/mod/sumdb/note (package documentation and note_test.go).
    private static final String GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_PRIVATE_KEY = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n— PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static byte[] goSign(String text) throws Exception {
        byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(GO_PRIVATE_KEY), 1, 33);
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + HexFormat.of().formatHex(seed));
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        return signer.sign();
    }

    @Test
    void A4_aNoteSignedHereIsTheGoReferenceNoteByteForByte() throws Exception {
        CheckpointNote.VerifierKey key = CheckpointNote.VerifierKey.parse(GO_VERIFIER_KEY);
        assertEquals(GO_VERIFIER_KEY, key.encoded(), "the verifier key encodes back to the same text");
        assertEquals(GO_NOTE, CheckpointNote.signed(GO_TEXT, key, goSign(GO_TEXT)));
        CheckpointNote.Parsed parsed = CheckpointNote.parse(GO_NOTE);
        assertEquals(GO_TEXT, parsed.text());
        assertEquals(0xc74f20a3, parsed.signatures().get(0).keyId());
        // A verifier key of transparency-dev/formats' tests whose base64 holds a '+'.
        String plusKey = "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6";
        assertEquals(plusKey, CheckpointNote.VerifierKey.parse(plusKey).encoded());
    }

    @Test
    void A4_aCheckpointNoteOpensWithItsKeyAndIgnoresWitnessSignatures() throws Exception {
        CheckpointNote.VerifierKey key = new CheckpointNote.VerifierKey("PeterNeumann", 0xc74f20a3,
                Arrays.copyOfRange(Base64.getDecoder().decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"), 1, 33));
        String root = Base64.getEncoder().encodeToString(new byte[32]);
        String text = CheckpointNote.text("consentry.example/audit/shop-a", 42, root);
        assertEquals("consentry.example/audit/shop-a\n42\n" + root + "\n", text);
        String note = CheckpointNote.signed(text, key, goSign(text))
                + "— witness.example/w1 " + Base64.getEncoder().encodeToString(new byte[72]) + "\n";

        CheckpointNote.Body body = CheckpointNote.open(note, key);
        assertEquals(new CheckpointNote.Body("consentry.example/audit/shop-a", 42, root), body);
    }

    @Test
    void A4_alteredNotesAndOtherKeysAreRefused() throws Exception {
        CheckpointNote.VerifierKey key = CheckpointNote.VerifierKey.parse(GO_VERIFIER_KEY);
        String root = Base64.getEncoder().encodeToString(new byte[32]);
        String text = CheckpointNote.text("PeterNeumann", 7, root);
        String note = CheckpointNote.signed(text, key, goSign(text));

        assertThrows(CheckpointNote.NoteException.class, () -> CheckpointNote.open(note.replace("\n7\n", "\n8\n"), key),
                "a changed tree size breaks the signature");
        CheckpointNote.VerifierKey other = CheckpointNote.VerifierKey.parse(
                "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop");
        assertThrows(CheckpointNote.NoteException.class, () -> CheckpointNote.open(note, other),
                "a note without the expected key's signature is refused");
        assertThrows(CheckpointNote.NoteException.class, () -> CheckpointNote.open(GO_NOTE, key),
                "a note whose text is no checkpoint is refused even with a good signature");
        assertThrows(CheckpointNote.NoteException.class, () -> CheckpointNote.parse(note.replace("— ", "- ")));
        assertThrows(CheckpointNote.NoteException.class, () -> CheckpointNote.parse(text));
        assertThrows(CheckpointNote.NoteException.class,
                () -> CheckpointNote.VerifierKey.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
                "a verifier key whose ID does not match is refused");
        assertThrows(IllegalArgumentException.class, () -> CheckpointNote.text("has space", 1, root));
    }
}
