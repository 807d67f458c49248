package dev.consentry.audit.service.tree;

import dev.consentry.audit.verifier.NodeSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class UpperSubtreesTest {

    private static NodeSource.Address at(int level, long index) {
        return new NodeSource.Address(level, index);
    }

    @Test
    void A2_keepsOnlySubtreesOf256LeavesOrMorePerTenant() {
        UpperSubtrees kept = new UpperSubtrees();
        kept.keep("shop-a", Map.of(at(7, 1), new byte[]{7}, at(8, 0), new byte[]{8}, at(12, 3), new byte[]{12}));

        Map<NodeSource.Address, byte[]> found = kept.find("shop-a", Set.of(at(7, 1), at(8, 0), at(12, 3), at(8, 1)));
        assertEquals(Set.of(at(8, 0), at(12, 3)), found.keySet(), "small subtrees are read from the database each time");
        assertArrayEquals(new byte[]{12}, found.get(at(12, 3)));
        assertEquals(Map.of(), kept.find("shop-b", Set.of(at(8, 0))), "another shop's tree shares nothing");
    }

    @Test
    void A2_theLeastRecentlyUsedLeaveFirstBeyondTheCapacity() {
        UpperSubtrees kept = new UpperSubtrees();
        kept.keep("shop-a", Map.of(at(20, 0), new byte[]{1}));
        for (long i = 0; i < UpperSubtrees.CAPACITY; i++) {
            kept.keep("shop-a", Map.of(at(8, i), new byte[]{2}));
            if (i % 1000 == 0) {
                kept.find("shop-a", Set.of(at(20, 0))); // read by every proof: stays
            }
        }
        assertEquals(Set.of(at(20, 0)), kept.find("shop-a", Set.of(at(20, 0))).keySet());
        assertEquals(Set.of(), kept.find("shop-a", Set.of(at(8, 0))).keySet(), "the oldest unused one left");
        assertEquals(Set.of(at(8, UpperSubtrees.CAPACITY - 1)),
                kept.find("shop-a", Set.of(at(8, UpperSubtrees.CAPACITY - 1))).keySet());
    }
}
