package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's settings: their defaults, the environment variables, and the builder's checks. */
class ServerConfigTest {

    @Test
    void defaultsArePort7070TheH2FileAndTheDemo() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of()).build();
        assertThat(c.port()).isEqualTo(7070);
        assertThat(c.db()).isNull();
        assertThat(c.demo()).isTrue();
        assertThat(c.maxBodyBytes()).isEqualTo(1L << 20);
        assertThat(c.maxImportBytes()).isEqualTo(5L << 20);
        assertThat(c.authFailuresPerMinute()).isEqualTo(20);
        assertThat(c.authFailureBurst()).isEqualTo(30);
        assertThat(c.trustForwardedFor()).isFalse();
        assertThat(c.webhookRetention()).isNull();
    }

    @Test
    void theEnvironmentSetsPortStoreAuthenticationLimitsAndRetention() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of("PLANTRACK_PORT", "9090", "PLANTRACK_DB", "/srv/plantrack",
                "PLANTRACK_AUTH_FAILURES_PER_MINUTE", "5", "PLANTRACK_AUTH_FAILURE_BURST", "8",
                "PLANTRACK_TRUST_FORWARDED_FOR", "yes", "PLANTRACK_WEBHOOK_RETENTION_DAYS", "90")).build();
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.db()).isEqualTo("/srv/plantrack");
        assertThat(c.authFailuresPerMinute()).isEqualTo(5);
        assertThat(c.authFailureBurst()).isEqualTo(8);
        assertThat(c.trustForwardedFor()).isTrue();
        assertThat(c.webhookRetention()).isEqualTo(Duration.ofDays(90));
        ServerConfig one = ServerConfig.fromEnvironment(Map.of("PLANTRACK_AUTH_FAILURE_BURST", "3")).build();
        assertThat(one.authFailuresPerMinute()).as("the other keeps its default").isEqualTo(20);
        assertThat(ServerConfig.fromEnvironment(Map.of("PLANTRACK_DB", "  ")).build().db())
                .as("a blank variable counts as unset").isNull();
    }

    @Test
    void aBadVariableIsNamedWithItsValue() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("PLANTRACK_PORT", "70000")))
                .hasMessage("PLANTRACK_PORT: a port between 0 and 65535, found '70000'");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("PLANTRACK_AUTH_FAILURE_BURST", "many")))
                .hasMessage("PLANTRACK_AUTH_FAILURE_BURST: a whole number of 1 or more, found 'many'");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("PLANTRACK_AUTH_FAILURES_PER_MINUTE", "0")))
                .hasMessage("PLANTRACK_AUTH_FAILURES_PER_MINUTE: a positive number, found '0'");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("PLANTRACK_TRUST_FORWARDED_FOR", "maybe")))
                .hasMessage("PLANTRACK_TRUST_FORWARDED_FOR: true or false, found 'maybe'");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("PLANTRACK_WEBHOOK_RETENTION_DAYS", "3 months")))
                .hasMessage("PLANTRACK_WEBHOOK_RETENTION_DAYS: a whole number of 1 or more, found '3 months'");
    }

    @Test
    void theBuilderRefusesImpossibleSettings() {
        assertThatThrownBy(() -> ServerConfig.builder().authFailureLimit(20, 0)).hasMessageContaining("authFailureLimit");
        assertThatThrownBy(() -> ServerConfig.builder().port(65536)).hasMessageContaining("port");
        assertThatThrownBy(() -> ServerConfig.builder().webhookRetention(Duration.ZERO))
                .hasMessageContaining("webhookRetention");
    }
}
