package dev.consentry.dsr.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** A registry entry, with the partner whose topics carry its notices and replies, and the agreement on file. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecipientView(String id, String partnerId, String name, String kind, List<String> dataCategories,
                            List<String> purposes, Integer replyWithinDays, String topic, String replyTopic,
                            Instant createdAt, Agreement agreement) {

    /**
     * What a customer may know of a recipient of their data (who, what kind, which categories, for which purposes),
     * without the shop's arrangements with it (topics, deadlines, agreement).
     */
    public RecipientView forCustomers() {
        return new RecipientView(id, null, name, kind, dataCategories, purposes, null, null, null, null, null);
    }
}
