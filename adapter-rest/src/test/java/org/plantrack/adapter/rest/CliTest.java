package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command-line arguments and environment of the server's main class. */
class CliTest {

    @Test
    void defaultsArePort7070TheH2FileAndTheDemo() {
        ServerConfig c = Cli.parse(new String[0], Map.of());
        assertThat(c.port()).isEqualTo(7070);
        assertThat(c.db()).isNull();
        assertThat(c.demo()).isTrue();
        assertThat(c.maxBodyBytes()).isEqualTo(1L << 20);
        assertThat(c.maxImportBytes()).isEqualTo(5L << 20);
        assertThat(c.authFailuresPerMinute()).isEqualTo(20);
        assertThat(c.authFailureBurst()).isEqualTo(30);
        assertThat(c.trustForwardedFor()).isFalse();
    }

    @Test
    void theLimitOfFailedAuthenticationsComesFromArgumentsOrTheEnvironment() {
        ServerConfig env = Cli.parse(new String[0], Map.of("PLANTRACK_AUTH_FAILURES_PER_MINUTE", "5",
                "PLANTRACK_AUTH_FAILURE_BURST", "8", "PLANTRACK_TRUST_FORWARDED_FOR", "true"));
        assertThat(env.authFailuresPerMinute()).isEqualTo(5);
        assertThat(env.authFailureBurst()).isEqualTo(8);
        assertThat(env.trustForwardedFor()).isTrue();
        ServerConfig args = Cli.parse(new String[] {"--auth-failures-per-minute", "0.5", "--auth-failure-burst", "3",
            "--trust-forwarded-for"}, Map.of("PLANTRACK_AUTH_FAILURES_PER_MINUTE", "5",
                "PLANTRACK_TRUST_FORWARDED_FOR", "false"));
        assertThat(args.authFailuresPerMinute()).isEqualTo(0.5);
        assertThat(args.authFailureBurst()).isEqualTo(3);
        assertThat(args.trustForwardedFor()).isTrue();
        ServerConfig one = Cli.parse(new String[] {"--auth-failure-burst", "3"}, Map.of());
        assertThat(one.authFailuresPerMinute()).as("the other keeps its default").isEqualTo(20);
        assertThatThrownBy(() -> Cli.parse(new String[] {"--auth-failures-per-minute", "0"}, Map.of()))
                .hasMessageContaining("--auth-failures-per-minute").hasMessageContaining("'0'");
        assertThatThrownBy(() -> Cli.parse(new String[0], Map.of("PLANTRACK_AUTH_FAILURE_BURST", "many")))
                .hasMessageContaining("PLANTRACK_AUTH_FAILURE_BURST").hasMessageContaining("'many'");
        assertThatThrownBy(() -> Cli.parse(new String[0], Map.of("PLANTRACK_TRUST_FORWARDED_FOR", "maybe")))
                .hasMessageContaining("PLANTRACK_TRUST_FORWARDED_FOR").hasMessageContaining("'maybe'");
        assertThatThrownBy(() -> ServerConfig.builder().authFailureLimit(20, 0))
                .hasMessageContaining("authFailureLimit");
    }

    @Test
    void webhookRetentionComesFromArgumentsOrTheEnvironment() {
        assertThat(Cli.parse(new String[0], Map.of()).webhookRetention()).isNull();
        assertThat(Cli.parse(new String[0], Map.of("PLANTRACK_WEBHOOK_RETENTION_DAYS", "90")).webhookRetention())
                .isEqualTo(java.time.Duration.ofDays(90));
        assertThat(Cli.parse(new String[] {"--webhook-retention-days", "30"},
                Map.of("PLANTRACK_WEBHOOK_RETENTION_DAYS", "90")).webhookRetention()).isEqualTo(java.time.Duration.ofDays(30));
        assertThatThrownBy(() -> Cli.parse(new String[] {"--webhook-retention-days", "0"}, Map.of()))
                .hasMessage("--webhook-retention-days: a whole number of 1 or more, found '0'");
        assertThatThrownBy(() -> Cli.parse(new String[0], Map.of("PLANTRACK_WEBHOOK_RETENTION_DAYS", "3 months")))
                .hasMessage("PLANTRACK_WEBHOOK_RETENTION_DAYS: a whole number of 1 or more, found '3 months'");
    }

    @Test
    void argumentsWinOverTheEnvironment() {
        ServerConfig c = Cli.parse(new String[] {"--port", "8080", "--db", "jdbc:postgresql://db/plantrack",
            "--no-demo"}, Map.of("PLANTRACK_PORT", "9090", "PLANTRACK_DB", "/srv/plantrack"));
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.db()).isEqualTo("jdbc:postgresql://db/plantrack");
        assertThat(c.demo()).isFalse();
        assertThat(Cli.parse(new String[0], Map.of("PLANTRACK_PORT", "9090")).port()).isEqualTo(9090);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> Cli.parse(new String[] {"--port", "http"}, Map.of()))
                .hasMessageContaining("--port").hasMessageContaining("'http'");
        assertThatThrownBy(() -> Cli.parse(new String[0], Map.of("PLANTRACK_PORT", "70000")))
                .hasMessageContaining("PLANTRACK_PORT").hasMessageContaining("70000");
        assertThatThrownBy(() -> Cli.parse(new String[] {"--db"}, Map.of())).hasMessageContaining("--db needs a value");
        assertThatThrownBy(() -> Cli.parse(new String[] {"--verbose"}, Map.of()))
                .hasMessageContaining("'--verbose'");
        assertThat(Cli.parse(new String[] {"--help"}, Map.of())).isNull();
    }
}
