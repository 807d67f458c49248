package dev.consentry.platform.config;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, finding 5: a production start never guesses the token audience or a signing key. */
class ProductionSettingsTest {

    @AfterEach
    void backToTests() {
        LaunchMode.set(LaunchMode.TEST);
    }

    @Test
    void S3_aProductionStartWithoutATokenAudienceIsRefusedWithWhatIsMissing() {
        LaunchMode.set(LaunchMode.NORMAL);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new ProductionSettings(Optional.empty()));
        assertTrue(refused.getMessage().contains("QUARKUS_OIDC_TOKEN_AUDIENCE"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> new ProductionSettings(Optional.of(" ")));
        assertDoesNotThrow(() -> new ProductionSettings(Optional.of("consentry")));
        assertThrows(IllegalStateException.class, () -> ProductionSettings.requireInProduction(false, "a signing key"));
    }

    @Test
    void testsAndTheDevModeMayRunWithoutThem() {
        LaunchMode.set(LaunchMode.TEST);
        assertDoesNotThrow(() -> new ProductionSettings(Optional.empty()));
        assertDoesNotThrow(() -> ProductionSettings.requireInProduction(false, "a signing key"));
    }
}
