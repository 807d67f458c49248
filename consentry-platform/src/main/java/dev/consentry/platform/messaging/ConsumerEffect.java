package dev.consentry.platform.messaging;

import dev.consentry.events.CloudEvent;
import dev.consentry.events.Channel;
import io.smallrye.mutiny.Uni;

import java.util.function.Function;

/**
 * What a consumer does with one event of {@code channel}, under its name in {@code processed_event}: the same effect
 * serves the consumer's batches (one by one after a failed batch) and an operator's re-drive of a dead letter.
 */
public record ConsumerEffect(Channel channel, String consumer, Function<CloudEvent, Uni<Void>> effect) {
}
