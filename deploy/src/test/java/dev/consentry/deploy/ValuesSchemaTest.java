package dev.consentry.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** values.schema.json turns an operator's mistake into a clear message before anything is installed. */
class ValuesSchemaTest {

    @ParameterizedTest
    @CsvSource({
            "mistake-missing-database-host.yaml, host",
            "mistake-replicas-as-string.yaml, replicas",
            "mistake-unknown-top-level-key.yaml, replicaCount",
    })
    void aMistakeFailsWithAMessageNamingTheField(String valuesFile, String named) {
        Exception failure = assertThrows(Exception.class, () -> RenderedChart.render(valuesFile));
        String message = String.valueOf(failure.getMessage());
        assertTrue(message.contains("schema") && message.contains(named),
                "the message names the schema and the field: " + message);
    }
}
