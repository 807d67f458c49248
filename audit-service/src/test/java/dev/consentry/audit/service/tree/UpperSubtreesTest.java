package dev.consentry.audit.service.tree;

import dev.consentry.audit.verifier.NodeSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpperSubtreesTest {

    private static NodeSource.Address at(int level, long index) {
        return new NodeSource.Address(level, index);
    }

    private static byte[] hash(int fill) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) fill);
        return hash;
    }

    @Test
    void A2_keepsOnlySubtreesOf16LeavesOrMorePerTenant() {
        UpperSubtrees kept = new UpperSubtrees();
        kept.keep("shop-a", Map.of(at(3, 1), hash(3), at(4, 0), hash(4), at(12, 3), hash(12), at(9, 5), new byte[]{9}));

        Map<NodeSource.Address, byte[]> found = kept.find("shop-a",
                Set.of(at(3, 1), at(4, 0), at(12, 3), at(4, 1), at(12, 2), at(9, 5)));
        assertEquals(Set.of(at(4, 0), at(12, 3)), found.keySet(),
                "subtrees of fewer than 16 leaves, never-read ones and anything but a SHA-256 hash are not kept");
        assertArrayEquals(hash(12), found.get(at(12, 3)));
        assertArrayEquals(hash(4), found.get(at(4, 0)));
        assertEquals(Map.of(), kept.find("shop-b", Set.of(at(4, 0))), "another shop's tree shares nothing");
    }

    @Test
    void A2_smallSubtreesStopAtTheirBudgetAndEverythingIsLetGoPastTheWhole() {
        UpperSubtrees kept = new UpperSubtrees();
        long pastSmallBudget = UpperSubtrees.SMALL_BUDGET / 32 + 1;
        kept.keep("shop-a", Map.of(at(4, pastSmallBudget), hash(4)));
        assertEquals(Map.of(), kept.find("shop-a", Set.of(at(4, pastSmallBudget))), "small ones: not past their budget");

        kept.keep("shop-a", Map.of(at(8, pastSmallBudget), hash(8)));
        assertEquals(Set.of(at(8, pastSmallBudget)), kept.find("shop-a", Set.of(at(8, pastSmallBudget))).keySet(),
                "large ones have the whole budget");
        assertTrue(kept.bytes() > UpperSubtrees.SMALL_BUDGET && kept.bytes() <= UpperSubtrees.BUDGET);

        long pastTheRest = (UpperSubtrees.BUDGET - kept.bytes()) / 32 + 1;
        kept.keep("shop-b", Map.of(at(9, pastTheRest), hash(9)));
        assertEquals(Map.of(), kept.find("shop-a", Set.of(at(8, pastSmallBudget))), "past the budget all is let go");
        assertEquals(0, kept.bytes());
        kept.keep("shop-b", Map.of(at(9, 1), hash(9)));
        assertEquals(Set.of(at(9, 1)), kept.find("shop-b", Set.of(at(9, 1))).keySet(), "and kept anew");
    }
}
