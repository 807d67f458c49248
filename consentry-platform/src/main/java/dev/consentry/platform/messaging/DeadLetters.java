package dev.consentry.platform.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentry.events.Channel;
import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.platform.persistence.SessionContexts;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * Sends what a consumer cannot take to the service's dead-letter topic ({@code consentry.<service>.dlq.v1}, outgoing
 * channel {@code dead-letters}), with the reason in the {@code dead-letter-reason} header — and never a readable
 * personal value (S5). A record is kept as a small JSON envelope:
 * <ul>
 *     <li>an event about a subject: its id, type, source, tenant and subject key, and the whole record sealed under
 *     the subject's key ({@code sealed}) — an operator can re-drive it until the subject is erased, after which it
 *     is unreadable with everything else of theirs; for a subject already erased the record is dropped
 *     ({@code personalValuesDropped});</li>
 *     <li>an event of Consentry's own services about no subject (they carry no personal value by contract): as it came
 *     ({@code record});</li>
 *     <li>anything else (not a CloudEvent, a partner's event about no subject): only its SHA-256 and length, since it
 *     may hold personal values that no erasure could reach.</li>
 * </ul>
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON_HEADER = "dead-letter-reason";

    private final Emitter<String> emitter;
    private final SubjectVault vault;

    public DeadLetters(@org.eclipse.microprofile.reactive.messaging.Channel("dead-letters") Emitter<String> emitter, SubjectVault vault) {
        this.emitter = emitter;
        this.vault = vault;
    }

    /** Dead-letters {@code record} with {@code reason} (a text that never quotes the record); completes once sent. */
    public Uni<Void> send(Channel channel, KafkaRecord<String, String> record, String reason) {
        // the producer acknowledges on its own thread: the consumer's next steps must go on in the caller's Vert.x
        // context (its database sessions live there)
        return SessionContexts.backOnCallersContext(deadLetter(channel, record, reason));
    }

    private Uni<Void> deadLetter(Channel channel, KafkaRecord<String, String> record, String reason) {
        CloudEvent event;
        try {
            event = IdempotentConsumer.parse(record.getPayload());
        } catch (PoisonEventException notAnEvent) {
            event = null;
        }
        CloudEvent parsed = event;
        return envelope(channel, parsed, record.getPayload()).flatMap(value -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-topic", record.getTopic().getBytes(StandardCharsets.UTF_8));
            record.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(m -> {
                headers.add("dead-letter-partition", Integer.toString(m.getPartition()).getBytes(StandardCharsets.UTF_8));
                headers.add("dead-letter-offset", Long.toString(m.getOffset()).getBytes(StandardCharsets.UTF_8));
            });
            CompletableFuture<Void> sent = new CompletableFuture<>();
            emitter.send(Message.of(value)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(parsed == null ? null : parsed.tenant()).withHeaders(headers).build())
                    .withAck(() -> {
                        sent.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        sent.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
            return Uni.createFrom().completionStage(sent);
        });
    }

    private Uni<String> envelope(Channel channel, CloudEvent event, String raw) {
        ObjectNode envelope = EventContract.mapper().createObjectNode().put("deadLetter", "v1").put("channel", channel.name());
        if (event == null) {
            return Uni.createFrom().item(fingerprint(envelope, raw).toString());
        }
        envelope.put("id", event.id()).put("type", event.type()).put("source", event.source()).put("tenant", event.tenant());
        if (event.subjectkey() != null) {
            envelope.put("subjectkey", event.subjectkey());
            return Panache.withTransaction(() -> vault.cipherUnlessDestroyed(event.tenant(), event.subjectkey()))
                    .map(cipher -> cipher.map(c -> envelope.put("sealed", c.seal(raw)))
                            .orElseGet(() -> envelope.put("personalValuesDropped", true)).toString());
        }
        boolean internal = Channels.isServiceSource(event.source()) && !Channels.isPartnerChannel(channel);
        return Uni.createFrom().item((internal ? envelope.put("record", raw) : fingerprint(envelope, raw)).toString());
    }

    private static ObjectNode fingerprint(ObjectNode envelope, String raw) {
        String value = raw == null ? "" : raw;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return envelope.put("sha256", HexFormat.of().formatHex(digest)).put("length", value.length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
