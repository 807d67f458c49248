package dev.consentry.dsr.rest.dto;

import java.time.Instant;
import java.util.List;

public record RecipientView(String id, String name, String kind, List<String> dataCategories, List<String> purposes,
                            int replyWithinDays,
                            String topic, Instant createdAt) {
}
