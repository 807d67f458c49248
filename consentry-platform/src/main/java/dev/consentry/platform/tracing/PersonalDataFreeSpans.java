package dev.consentry.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Keeps personal data out of exported spans. Paths carry customers' ids ({@code /v1/subjects/cust-1/...}), queries may
 * carry e-mail addresses, client addresses are people's IP addresses and Kafka record keys are subject keys: these
 * attributes are overwritten as a span starts, before any exporter sees it. The route template ({@code http.route})
 * still says which endpoint was called.
 */
@ApplicationScoped
public class PersonalDataFreeSpans implements SpanProcessor {

    static final String REDACTED = "redacted";

    private static final List<AttributeKey<String>> PERSONAL = List.of(
            AttributeKey.stringKey("url.path"),
            AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("url.full"),
            AttributeKey.stringKey("http.target"),
            AttributeKey.stringKey("http.url"),
            AttributeKey.stringKey("client.address"),
            AttributeKey.stringKey("client.socket.address"),
            AttributeKey.stringKey("http.client_ip"),
            AttributeKey.stringKey("network.peer.address"),
            AttributeKey.stringKey("net.sock.peer.addr"),
            AttributeKey.stringKey("user_agent.original"),
            AttributeKey.stringKey("http.user_agent"),
            AttributeKey.stringKey("messaging.kafka.message.key"),
            AttributeKey.stringKey("messaging.kafka.message_key"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (AttributeKey<String> key : PERSONAL) {
            if (span.getAttribute(key) != null) {
                span.setAttribute(key, REDACTED);
            }
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
