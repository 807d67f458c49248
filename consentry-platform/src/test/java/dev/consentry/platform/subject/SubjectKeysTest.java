package dev.consentry.platform.subject;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubjectKeysTest {

    private static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);

    /** The key as the contract defines it: HMAC-SHA256 of tenant, NUL, subject id, in base64url without padding. */
    private static String reference(String tenant, String subjectId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((tenant + '\u0000' + subjectId).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void A3_aSubjectKeyIsTheKeyedHashOfTenantAndIdAndTheSameEveryTime() throws Exception {
        SubjectKeys keys = new SubjectKeys(SECRET);
        String first = keys.of("shop-a", "customer-42");
        assertEquals(reference("shop-a", "customer-42"), first);
        assertEquals(first, keys.of("shop-a", "customer-42"), "the same inputs give the same key, call after call");
        assertNotEquals(first, keys.of("shop-b", "customer-42"), "another shop's customer of the same id is another subject");
        assertNotEquals(first, keys.of("shop-a", "customer-43"));
    }

    @Test
    void A3_keysDerivedOnManyThreadsAtOnceAreTheKeysOfOneThread() throws Exception {
        SubjectKeys keys = new SubjectKeys(SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Callable<List<String>> derive = () -> {
                    List<String> derived = new ArrayList<>();
                    for (int i = 0; i < 2_000; i++) {
                        derived.add(keys.of("shop-a", "customer-" + i));
                    }
                    return derived;
                };
                results.add(pool.submit(derive));
            }
            for (Future<List<String>> result : results) {
                List<String> derived = result.get();
                for (int i = 0; i < derived.size(); i++) {
                    assertEquals(reference("shop-a", "customer-" + i), derived.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThrows(IllegalStateException.class, () -> new SubjectKeys(new byte[31]));
    }
}
