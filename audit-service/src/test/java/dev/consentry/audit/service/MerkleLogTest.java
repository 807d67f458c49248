package dev.consentry.audit.service;

import dev.consentry.audit.AuditFixtures;
import dev.consentry.audit.Rfc9162Reference;
import dev.consentry.audit.TestEvents;
import dev.consentry.testkit.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A1, A2: the per-tenant Merkle tree, its signed checkpoints and proofs, and tamper detection. */
@QuarkusTest
class MerkleLogTest {

    @Inject
    AuditLog log;

    @Inject
    AgroalDataSource db;

    private String freshTenant(int entries) {
        String tenant = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        appendMore(tenant, entries);
        return tenant;
    }

    private void appendMore(String tenant, int entries) {
        for (int i = 0; i < entries; i++) {
            AuditFixtures.append(log, TestEvents.consentGiven(tenant, "key-" + (i % 3)));
        }
    }

    private static JsonPath checkpoint(String tenant) {
        return given().auth().oauth2(Tokens.auditor(tenant)).post("/v1/audit/checkpoints")
                .then().statusCode(200).extract().jsonPath();
    }

    private static byte[] b64(String s) {
        return Base64.getDecoder().decode(s);
    }

    private static List<byte[]> hashes(List<String> encoded) {
        return encoded.stream().map(MerkleLogTest::b64).toList();
    }

    private static boolean signatureHolds(JsonPath cp) throws Exception {
        String key = given().get("/v1/audit/checkpoints/key").then().statusCode(200).extract().path("publicKey");
        String text = "consentry-audit-checkpoint/v1\n" + cp.getString("tenant") + "\n" + cp.getLong("treeSize") + "\n"
                + cp.getString("rootHash") + "\n" + cp.getString("issuedAt") + "\n";
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(b64(key))));
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(b64(cp.getString("signature")));
    }

    @Test
    void A2_inclusionProofsVerifyAgainstTheSignedCheckpointWithAnIndependentImplementation() throws Exception {
        String tenant = freshTenant(13);
        JsonPath cp = checkpoint(tenant);
        assertEquals(13, cp.getLong("treeSize"));
        assertTrue(signatureHolds(cp), "the checkpoint's Ed25519 signature verifies with the published key");
        var published = dev.consentry.testkit.KafkaTopics.awaitEvents(dev.consentry.events.Topics.AUDIT_CHECKPOINTS,
                e -> tenant.equals(e.path("tenant").asText()), 1);
        assertEquals(List.of(), dev.consentry.events.EventContract.violations(published.get(0)),
                "the checkpoint is published on consentry.audit-checkpoints.v1 as the contract says");
        assertEquals(cp.getString("rootHash"), published.get(0).path("data").path("rootHash").asText());

        List<byte[]> leaves = new ArrayList<>();
        for (int seq = 1; seq <= 13; seq++) {
            JsonPath proof = given().auth().oauth2(Tokens.auditor(tenant))
                    .queryParam("seq", seq).queryParam("treeSize", 13).get("/v1/audit/proofs/inclusion")
                    .then().statusCode(200).extract().jsonPath();
            leaves.add(b64(proof.getString("leafHash")));
            assertTrue(Rfc9162Reference.verifyInclusion(seq - 1, 13, b64(proof.getString("leafHash")),
                    hashes(proof.getList("path")), b64(cp.getString("rootHash"))), "entry " + seq);
        }
        assertTrue(java.util.Arrays.equals(Rfc9162Reference.mth(leaves), b64(cp.getString("rootHash"))),
                "the signed root is the RFC 9162 hash of the leaves");
        for (int m = 0; m < 13; m++) {
            JsonPath proof = given().auth().oauth2(Tokens.auditor(tenant))
                    .queryParam("seq", m + 1).queryParam("treeSize", 13).get("/v1/audit/proofs/inclusion")
                    .then().extract().jsonPath();
            List<byte[]> served = hashes(proof.getList("path"));
            List<byte[]> expected = Rfc9162Reference.path(m, leaves);
            assertEquals(expected.size(), served.size());
            for (int i = 0; i < expected.size(); i++) {
                assertTrue(java.util.Arrays.equals(expected.get(i), served.get(i)), "PATH(" + m + ", D[13]) node " + i);
            }
        }
    }

    /**
     * A leaf's hash is stored once, in its entry: the tree's table holds only the subtrees of two or more leaves (a
     * tree of 40 leaves has completed 20 + 10 + 5 + 2 + 1 of them). Inclusion proofs at earlier sizes — whole subtrees,
     * sizes that cut one, a single leaf past the last complete subtree — whose paths start with a single leaf read from
     * its entry, and consistency proofs from earlier sizes to the whole tree match the reference implementation.
     */
    @Test
    void A2_aLeafHashIsStoredOnceInItsEntryAndProofsAtEarlierSizesStillHold() throws Exception {
        String tenant = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        AuditFixtures.appendAll(log, java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> TestEvents.consentGiven(tenant, "key-" + (i % 3))).toList());
        try (var c = db.getConnection(); var q = c.prepareStatement(
                "SELECT level, count(*) FROM audit_tree_node WHERE tenant = ? GROUP BY level ORDER BY level")) {
            q.setString(1, tenant);
            var rs = q.executeQuery();
            List<String> perLevel = new ArrayList<>();
            while (rs.next()) {
                perLevel.add(rs.getInt(1) + ":" + rs.getLong(2));
            }
            assertEquals(List.of("1:20", "2:10", "3:5", "4:2", "5:1"), perLevel, "stored subtrees per level");
        }
        List<byte[]> leaves = new ArrayList<>();
        for (int seq = 1; seq <= 40; seq++) {
            leaves.add(b64(given().auth().oauth2(Tokens.auditor(tenant)).queryParam("seq", seq)
                    .get("/v1/audit/proofs/inclusion").then().statusCode(200).extract().path("leafHash")));
        }
        for (int size : new int[]{1, 2, 7, 16, 17, 31, 32, 33, 40}) {
            byte[] root = Rfc9162Reference.mth(leaves.subList(0, size));
            for (int m = 0; m < size; m++) {
                JsonPath proof = given().auth().oauth2(Tokens.auditor(tenant)).queryParam("seq", m + 1)
                        .queryParam("treeSize", size).get("/v1/audit/proofs/inclusion").then().statusCode(200)
                        .extract().jsonPath();
                assertTrue(java.util.Arrays.equals(root, b64(proof.getString("rootHash"))), "root of " + size);
                assertTrue(Rfc9162Reference.verifyInclusion(m, size, leaves.get(m), hashes(proof.getList("path")), root),
                        "entry " + (m + 1) + " in the tree of " + size);
            }
        }
        for (int first : new int[]{1, 7, 16, 17, 32, 33, 39}) {
            JsonPath proof = given().auth().oauth2(Tokens.auditor(tenant)).queryParam("first", first)
                    .queryParam("second", 40).get("/v1/audit/proofs/consistency").then().statusCode(200)
                    .extract().jsonPath();
            assertTrue(Rfc9162Reference.verifyConsistency(first, 40, Rfc9162Reference.mth(leaves.subList(0, first)),
                    Rfc9162Reference.mth(leaves), hashes(proof.getList("proof"))), "the tree of " + first + " in 40");
        }
    }

    /**
     * Subtrees of 256 leaves and more are kept by the replica after a proof has read them: proofs that use them — the
     * first time, from the database, and again, from what was kept — match the reference implementation at several
     * sizes of a log of 600 entries.
     */
    @Test
    void A2_proofsOverLargeSubtreesKeptFromEarlierProofsStillHold() throws Exception {
        String tenant = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        AuditFixtures.appendAll(log, java.util.stream.IntStream.range(0, 600)
                .mapToObj(i -> TestEvents.consentGiven(tenant, "key-" + (i % 3))).toList());
        List<byte[]> leaves = new ArrayList<>();
        try (var c = db.getConnection(); var q = c.prepareStatement(
                "SELECT leaf_hash FROM audit_entry WHERE tenant = ? ORDER BY seq")) {
            q.setString(1, tenant);
            var rs = q.executeQuery();
            while (rs.next()) {
                leaves.add(b64(rs.getString(1)));
            }
        }
        assertEquals(600, leaves.size());
        for (int pass = 1; pass <= 2; pass++) {
            for (int size : new int[]{257, 512, 600}) {
                byte[] root = Rfc9162Reference.mth(leaves.subList(0, size));
                for (int seq : new int[]{1, 200, 256, 257, size}) {
                    JsonPath proof = given().auth().oauth2(Tokens.auditor(tenant)).queryParam("seq", seq)
                            .queryParam("treeSize", size).get("/v1/audit/proofs/inclusion").then().statusCode(200)
                            .extract().jsonPath();
                    assertTrue(java.util.Arrays.equals(root, b64(proof.getString("rootHash"))), "root of " + size);
                    assertTrue(Rfc9162Reference.verifyInclusion(seq - 1, size, leaves.get(seq - 1),
                            hashes(proof.getList("path")), root), "pass " + pass + ": entry " + seq + " of " + size);
                }
            }
        }
    }

    /**
     * A4 the checkpoint as a C2SP signed note, read by a parser written here from the specifications
     * (c2sp.org/signed-note, c2sp.org/tlog-checkpoint) and not by the product's own code: the verifier key published
     * for the tenant verifies the note's signature, and the note states the JSON checkpoint's size and root.
     */
    @Test
    void A4_theCheckpointIsASignedNoteThatAnIndependentParserVerifies() throws Exception {
        String tenant = freshTenant(5);
        JsonPath cp = checkpoint(tenant);
        String note = given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/audit/checkpoints/latest/note")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/plain")).extract().asString();
        assertEquals(note, cp.getString("note"), "the JSON checkpoint carries the same note");
        String verifierKey = given().get("/v1/audit/checkpoints/key/" + tenant + "/note")
                .then().statusCode(200).extract().asString().trim();

        // The verifier key: <name>+<8 hex key ID>+base64(0x01 || 32-byte Ed25519 key).
        String[] vkey = verifierKey.split("\\+", 3); // the base64 may hold a + too
        assertEquals(3, vkey.length, verifierKey);
        byte[] typedKey = b64(vkey[2]);
        assertEquals(33, typedKey.length);
        assertEquals(1, typedKey[0], "an Ed25519 note key");
        byte[] rawKey = java.util.Arrays.copyOfRange(typedKey, 1, 33);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update((vkey[0] + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 1);
        byte[] keyId = java.util.Arrays.copyOf(sha.digest(rawKey), 4);
        assertEquals(vkey[1], java.util.HexFormat.of().formatHex(keyId), "the key ID is SHA-256(name, newline, 0x01, key)[:4]");

        // The note: text, blank line, "— <name> base64(key ID || signature)".
        int split = note.lastIndexOf("\n\n");
        String text = note.substring(0, split + 1);
        String[] signatureLine = note.substring(split + 2, note.length() - 1).split(" ");
        assertEquals("—", signatureLine[0], "a signature line starts with an em dash");
        assertEquals(vkey[0], signatureLine[1], "signed under the tenant's key name");
        byte[] signature = b64(signatureLine[2]);
        assertTrue(java.util.Arrays.equals(keyId, java.util.Arrays.copyOf(signature, 4)), "the signature names the key");
        byte[] spki = java.util.HexFormat.of().parseHex("302a300506032b6570032100" + java.util.HexFormat.of().formatHex(rawKey));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(java.util.Arrays.copyOfRange(signature, 4, signature.length)),
                "the Ed25519 signature over the note text verifies");

        String[] lines = text.split("\n");
        assertEquals(List.of(vkey[0], "5", cp.getString("rootHash")), List.of(lines),
                "origin = key name, tree size and root hash as in the JSON checkpoint, no extension lines");
        assertTrue(vkey[0].endsWith("/" + tenant), "each tenant's log has its own origin");
        given().get("/v1/audit/checkpoints/key/Not A Tenant/note").then().statusCode(400);
    }

    @Test
    void A2_consistencyProofsHoldAcrossAppendsAndFailForAForkedHistory() {
        String tenant = freshTenant(5);
        JsonPath first = checkpoint(tenant);
        appendMore(tenant, 6);
        JsonPath second = checkpoint(tenant);
        assertEquals(11, second.getLong("treeSize"));

        JsonPath proof = given().auth().oauth2(Tokens.dpo(tenant)).queryParam("first", 5).queryParam("second", 11)
                .get("/v1/audit/proofs/consistency").then().statusCode(200).extract().jsonPath();
        assertTrue(Rfc9162Reference.verifyConsistency(5, 11, b64(first.getString("rootHash")),
                b64(second.getString("rootHash")), hashes(proof.getList("proof"))));

        String forkedTenant = freshTenant(5); // another history of five entries
        byte[] forkedRoot = b64(checkpoint(forkedTenant).getString("rootHash"));
        assertFalse(Rfc9162Reference.verifyConsistency(5, 11, forkedRoot, b64(second.getString("rootHash")),
                hashes(proof.getList("proof"))), "a forked history is not a prefix of the log");

        given().auth().oauth2(Tokens.dpo(tenant)).queryParam("first", 5).queryParam("second", 99)
                .get("/v1/audit/proofs/consistency").then().statusCode(422);
        given().auth().oauth2(Tokens.dpo(tenant)).queryParam("seq", 0).get("/v1/audit/proofs/inclusion")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.dpo(tenant)).queryParam("seq", 3).queryParam("treeSize", 99)
                .get("/v1/audit/proofs/inclusion").then().statusCode(422)
                .body("detail", equalTo("treeSize must be between 1 and 11."));
        given().auth().oauth2(Tokens.dpo("shop-" + UUID.randomUUID().toString().substring(0, 8)))
                .queryParam("seq", 1).queryParam("treeSize", 1).get("/v1/audit/proofs/inclusion").then().statusCode(404);
    }

    @Test
    void A1_anAlteredEntryIsFoundByVerificationWhichNamesIt() throws Exception {
        String tenant = freshTenant(9);
        given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/audit/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("size", equalTo(9));
        AuditFixtures.tamper(db, "UPDATE audit_entry SET data = replace(data, 'checkbox', 'banner') "
                + "WHERE tenant = '" + tenant + "' AND seq = 4");
        given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/audit/verification").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBadSeq", equalTo(4));
    }

    @Test
    void A1_aDeletedEntryIsFound() throws Exception {
        String tenant = freshTenant(7);
        AuditFixtures.tamper(db, "DELETE FROM audit_entry WHERE tenant = '" + tenant + "' AND seq = 3");
        given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/audit/verification").then()
                .body("valid", equalTo(false)).body("firstBadSeq", equalTo(3));
    }

    @Test
    void A1_reorderedEntriesAreFound() throws Exception {
        String tenant = freshTenant(6);
        String t = "'" + tenant + "'";
        AuditFixtures.tamper(db,
                "UPDATE audit_entry SET seq = -2 WHERE tenant = " + t + " AND seq = 2",
                "UPDATE audit_entry SET seq = 2 WHERE tenant = " + t + " AND seq = 5",
                "UPDATE audit_entry SET seq = 5 WHERE tenant = " + t + " AND seq = -2");
        given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/audit/verification").then()
                .body("valid", equalTo(false)).body("firstBadSeq", equalTo(2));
    }

    @Test
    void A1_anEntryRewrittenWithItsHashesIsCaughtByTheSignedCheckpoint() throws Exception {
        String tenant = freshTenant(8);
        checkpoint(tenant);
        appendMore(tenant, 2);
        // the attacker alters entry 6 and rewrites its leaf hash (the one place a leaf's hash is stored) to match
        AuditFixtures.tamper(db, "UPDATE audit_entry SET data = replace(data, 'checkbox', 'banner') "
                + "WHERE tenant = '" + tenant + "' AND seq = 6");
        String newLeaf = given().auth().oauth2(Tokens.auditor(tenant)).queryParam("seq", 6)
                .get("/v1/audit/proofs/inclusion").then().extract().path("leafHash");
        String recomputed = Base64.getEncoder().encodeToString(recomputedLeaf(tenant, 6));
        AuditFixtures.tamper(db,
                "UPDATE audit_entry SET leaf_hash = '" + recomputed + "' WHERE tenant = '" + tenant + "' AND seq = 6");
        assertFalse(recomputed.equals(newLeaf), "the stored leaf really changed");
        given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/audit/verification").then()
                .body("valid", equalTo(false)).body("badRangeFrom", equalTo(1)).body("badRangeTo", equalTo(8));
    }

    private byte[] recomputedLeaf(String tenant, long seq) throws Exception {
        try (var c = db.getConnection(); var q = c.prepareStatement(
                "SELECT event_id, event_type, source, subject_key, occurred_at, data FROM audit_entry WHERE tenant = ? AND seq = ?")) {
            q.setString(1, tenant);
            q.setLong(2, seq);
            var rs = q.executeQuery();
            rs.next();
            return dev.consentry.audit.verifier.Rfc9162.leafHash(dev.consentry.audit.verifier.LeafData.of(tenant, seq,
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getTimestamp(5).toInstant().toString(), rs.getString(6)));
        }
    }
}
