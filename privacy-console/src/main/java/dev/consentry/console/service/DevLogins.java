package dev.consentry.console.service;

import dev.consentry.console.config.ConsoleConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The local run's demo officers (U1): the launcher writes one token per login to a file the console reads; the
 * login page lets you pick one. Refuses to exist outside the local and test profiles.
 */
@ApplicationScoped
@Startup
public class DevLogins {

    /** One demo officer: the key the login form posts, and what the page shows of its token. */
    public record DevLogin(String key, TokenClaims claims) {
    }

    private final List<DevLogin> logins;
    private final Properties tokens = new Properties();

    public DevLogins(ConsoleConfig config) {
        if (!config.devLogin().enabled()) {
            this.logins = List.of();
            return;
        }
        List<String> profiles = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
        if (profiles.stream().noneMatch(p -> p.equals("local") || p.equals("test") || p.equals("dev"))) {
            throw new IllegalStateException("consentry.console.dev-login.enabled is for the local run only; "
                    + "production signs officers in with OIDC (quarkus.oidc.*)");
        }
        Path file = Path.of(config.devLogin().file().orElseThrow(() -> new IllegalStateException(
                "consentry.console.dev-login.file is required when the development login is on")));
        try (Reader reader = Files.newBufferedReader(file)) {
            tokens.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the development logins at " + file, e);
        }
        this.logins = tokens.stringPropertyNames().stream().sorted(Comparator.naturalOrder())
                .map(key -> new DevLogin(key, TokenClaims.read(tokens.getProperty(key), config.tenantClaim(),
                        config.rolesClaim())))
                .toList();
        Log.infof("Development login on: %d demo officers", logins.size());
    }

    public boolean enabled() {
        return !logins.isEmpty();
    }

    public List<DevLogin> all() {
        return logins;
    }

    public Optional<String> token(String key) {
        return Optional.ofNullable(key).map(tokens::getProperty);
    }
}
