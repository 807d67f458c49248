package dev.consentry.audit.verifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Verifies an evidence bundle offline, with nothing but the bundle and the log's published public key:
 * <pre>java -cp "audit-verifier.jar:lib/*" dev.consentry.audit.verifier.BundleVerifier bundle.json [--key BASE64|FILE]</pre>
 * It checks the checkpoint's signature, the bundle's signature, and every entry against its inclusion proof, and
 * reports the first entry that does not match. Exit status 0: verified; 1: not verified; 2: usage or unreadable input.
 */
public final class BundleVerifier {

    /** What the verification found; {@code firstBadSeq} is the first entry that does not match, if one was found. */
    public record Result(boolean verified, Long firstBadSeq, String message) {
    }

    private BundleVerifier() {
    }

    public static Result verify(EvidenceBundle bundle, String publicKey) {
        if (!EvidenceBundle.FORMAT.equals(bundle.format()) || bundle.checkpoint() == null || bundle.entries() == null) {
            return new Result(false, null, "not a " + EvidenceBundle.FORMAT + " bundle");
        }
        Checkpoint cp = bundle.checkpoint();
        if (!cp.tenant().equals(bundle.tenant()) || !cp.verify(publicKey)) {
            return new Result(false, null, "the checkpoint's signature does not verify with this key");
        }
        byte[] root = cp.root();
        for (EvidenceBundle.Entry e : bundle.entries()) {
            List<byte[]> path = e.inclusionProof().stream().map(p -> Base64.getDecoder().decode(p)).toList();
            if (!ProofVerifier.verifyInclusion(e.seq() - 1, cp.treeSize(), e.leafHash(bundle.tenant()), path, root)) {
                return new Result(false, e.seq(), "entry " + e.seq() + " does not match its inclusion proof: it was "
                        + "altered, or is not in the log the checkpoint signs");
            }
        }
        if (!Checkpoint.verifySignature(publicKey, bundle.signedText(), bundle.signature())) {
            return new Result(false, null, "the bundle's signature does not verify: entries were added, removed or "
                    + "reordered, or the scope was changed");
        }
        return new Result(true, null, bundle.entries().size() + " entries verified against checkpoint of size "
                + cp.treeSize() + " (" + cp.issuedAt() + ")");
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static void main(String[] args) {
        if (args.length != 1 && !(args.length == 3 && "--key".equals(args[1]))) {
            System.err.println("usage: BundleVerifier bundle.json [--key BASE64|FILE]");
            System.exit(2);
        }
        try {
            EvidenceBundle bundle = mapper().readValue(Path.of(args[0]).toFile(), EvidenceBundle.class);
            String key = bundle.publicKey();
            if (args.length == 3) {
                Path file = Path.of(args[2]);
                key = Files.isRegularFile(file) ? Files.readString(file).trim() : args[2];
            } else {
                System.out.println("note: using the key inside the bundle; pass --key with the log's published key "
                        + "to make sure the bundle comes from that log");
            }
            Result result = verify(bundle, key);
            System.out.println((result.verified() ? "VERIFIED: " : "NOT VERIFIED: ") + result.message());
            System.exit(result.verified() ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot read the bundle: " + e.getClass().getSimpleName());
            System.exit(2);
        }
    }
}
