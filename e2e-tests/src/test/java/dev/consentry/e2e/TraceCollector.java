package dev.consentry.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for an OpenTelemetry collector: receives OTLP/HTTP protobuf trace exports and reads the spans with a
 * protobuf reader written here from opentelemetry-proto's trace.proto (no OpenTelemetry code), so the test sees what
 * a real collector would receive.
 */
final class TraceCollector implements AutoCloseable {

    record Span(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
                Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    TraceCollector(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                bodies.add(body);
                readExport(body);
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, 0);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    /** Every export request as received, for searching raw bytes. */
    List<byte[]> bodies() {
        return List.copyOf(bodies);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private void readExport(byte[] body) {
        for (Field f : fields(body)) {
            if (f.number == 1) {
                readResourceSpans(f.bytes);
            }
        }
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    private void readResourceSpans(byte[] bytes) {
        String service = "";
        List<byte[]> scopes = new ArrayList<>();
        for (Field f : fields(bytes)) {
            if (f.number == 1) {
                // Resource { repeated KeyValue attributes = 1; }
                Map<String, String> resource = new HashMap<>();
                fields(f.bytes).stream().filter(a -> a.number == 1).forEach(a -> keyValue(a.bytes, resource));
                service = resource.getOrDefault("service.name", "");
            } else if (f.number == 2) {
                scopes.add(f.bytes);
            }
        }
        for (byte[] scope : scopes) {
            // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            for (Field f : fields(scope)) {
                if (f.number == 2) {
                    spans.add(span(service, f.bytes));
                }
            }
        }
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
    //        repeated KeyValue attributes = 9; }
    private static Span span(String service, byte[] bytes) {
        String traceId = "", spanId = "", parent = "", name = "";
        int kind = 0;
        Map<String, String> attributes = new HashMap<>();
        for (Field f : fields(bytes)) {
            switch (f.number) {
                case 1 -> traceId = HexFormat.of().formatHex(f.bytes);
                case 2 -> spanId = HexFormat.of().formatHex(f.bytes);
                case 4 -> parent = HexFormat.of().formatHex(f.bytes);
                case 5 -> name = new String(f.bytes, StandardCharsets.UTF_8);
                case 6 -> kind = (int) f.varint;
                case 9 -> keyValue(f.bytes, attributes);
                default -> { }
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind, attributes);
    }

    // KeyValue { string key = 1; AnyValue value = 2; }  AnyValue { string string_value = 1; bool = 2; int64 = 3; ... }
    private static void keyValue(byte[] bytes, Map<String, String> into) {
        String key = null, value = null;
        for (Field f : fields(bytes)) {
            if (f.number == 1) {
                key = new String(f.bytes, StandardCharsets.UTF_8);
            } else if (f.number == 2) {
                for (Field v : fields(f.bytes)) {
                    value = switch (v.number) {
                        case 1 -> new String(v.bytes, StandardCharsets.UTF_8);
                        case 2, 3 -> Long.toString(v.varint);
                        default -> "(other)";
                    };
                }
            }
        }
        if (key != null) {
            into.put(key, value);
        }
    }

    /** One field of a protobuf message: its number and either its varint or its bytes. */
    private record Field(int number, long varint, byte[] bytes) {
    }

    private static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < message.length) {
            long tag = varint(message, pos);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> fields.add(new Field(number, varint(message, pos), null));
                case 1 -> {
                    fields.add(new Field(number, 0, java.util.Arrays.copyOfRange(message, pos[0], pos[0] + 8)));
                    pos[0] += 8;
                }
                case 2 -> {
                    int length = (int) varint(message, pos);
                    fields.add(new Field(number, 0, java.util.Arrays.copyOfRange(message, pos[0], pos[0] + length)));
                    pos[0] += length;
                }
                case 5 -> {
                    fields.add(new Field(number, 0, java.util.Arrays.copyOfRange(message, pos[0], pos[0] + 4)));
                    pos[0] += 4;
                }
                default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
            }
        }
        return fields;
    }

    private static long varint(byte[] bytes, int[] pos) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[pos[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }
}
