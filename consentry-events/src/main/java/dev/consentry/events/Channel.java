package dev.consentry.events;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What one kind of topic may carry: its event types and the one source allowed to write them (S1). A consumer checks
 * every record against its channel before anything else and dead-letters the rest with the reason this returns.
 * The table of channels is {@link Channels}; asyncapi.yaml documents the same table.
 *
 * @param name          a short, stable name (dead-letter metrics, the audit log's bookkeeping)
 * @param topicOwner    the topic's owner when {@code topic} belongs to this channel: the service or the partner id
 * @param types         the CloudEvent types accepted
 * @param expectedSource the one {@code source} accepted, given the topic's owner
 */
public record Channel(String name, Function<String, Optional<String>> topicOwner, Set<String> types,
                      Function<String, String> expectedSource) {

    /**
     * Why an event read from {@code topic} is refused on this channel, or empty if it is accepted. The reason names
     * what is wrong and never repeats a value of the record.
     */
    public Optional<String> refusal(String topic, CloudEvent event) {
        Optional<String> owner = topicOwner.apply(topic);
        if (owner.isEmpty()) {
            return Optional.of("topic does not belong to channel " + name);
        }
        if (!types.contains(event.type())) {
            return Optional.of("event type not accepted on channel " + name);
        }
        if (!expectedSource.apply(owner.get()).equals(event.source())) {
            return Optional.of("source not accepted on channel " + name);
        }
        return Optional.empty();
    }
}
