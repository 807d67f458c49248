package dev.consentry.events;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Event timestamps read the fast way give exactly what Jackson's standard reader gives, and refuse what it refuses. */
class CanonicalInstantDeserializerTest {

    private static final ObjectMapper STANDARD = new ObjectMapper().registerModule(new JavaTimeModule());

    private record Stamped(Instant time) {
    }

    private static Instant read(ObjectMapper mapper, String text) throws Exception {
        return mapper.readValue("{\"time\":\"" + text + "\"}", Stamped.class).time();
    }

    @Test
    void everyCanonicalTimestampReadsAsTheStandardReaderReadsIt() throws Exception {
        Random random = new Random(20261201);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString();
            if (i % 2 == 1 && text.contains(".")) {
                // any number of fraction digits, not only Instant#toString's groups of three
                text = text.substring(0, Math.max(text.indexOf('.') + 2, text.length() - 1 - random.nextInt(6))) + "Z";
            }
            assertEquals(Instant.parse(text), CanonicalInstantDeserializer.parse(text), text);
            assertEquals(read(STANDARD, text), read(EventContract.mapper(), text), text);
        }
    }

    @Test
    void otherFormsGoToTheStandardReader() throws Exception {
        for (String other : List.of("2026-12-01T15:07:42+01:00", "2026-12-01T14:07:42.5+00:00", "2026-12-31T23:59:60Z",
                "2026-12-01T24:00:00Z", "2026-12-01T14:07:42.Z", "",
                "+12026-12-01T14:07:42Z", "2026-12-01T14:07:42.1234567891Z", "2026-12-01t14:07:42Z")) {
            assertNull(CanonicalInstantDeserializer.parse(other), other);
            Instant standard;
            try {
                standard = read(STANDARD, other);
            } catch (JsonMappingException refused) {
                assertThrows(JsonMappingException.class, () -> read(EventContract.mapper(), other), other);
                continue;
            }
            assertEquals(standard, read(EventContract.mapper(), other), other);
        }
    }

    @Test
    void whatTheStandardReaderRefusesIsRefused() {
        for (String invalid : List.of("2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-12-01T14:60:00Z", "2026-12-0AT14:07:42Z", "2026-12-01 14:07:42Z")) {
            assertThrows(Exception.class, () -> read(STANDARD, invalid), invalid);
            assertThrows(Exception.class, () -> read(EventContract.mapper(), invalid), invalid);
        }
    }
}
