package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.plantrack.adapter.rest.ServerConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code plantrack serve}'s options, the one parser of the server's command line, over the environment. */
class ServeCommandTest {

    private static ServerConfig config(Map<String, String> env, String... args) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CliEnvironment e = new CliEnvironment(sink, sink, env, false, false, "tester", Clock.systemUTC(),
                StoreOpener.standard(), Path.of("."));
        CommandLine.ParseResult parsed = Main.commandLine(new PlantrackCommand(e)).parseArgs(args);
        return ((ServeCommand) parsed.subcommand().commandSpec().userObject()).config();
    }

    @Test
    void withoutOptionsTheServerRunsWithItsDefaultsAndTheDemo() {
        ServerConfig c = config(Map.of(), "serve");
        assertThat(c.port()).isEqualTo(7070);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.db()).isNull();
        assertThat(c.demo()).isTrue();
        assertThat(c.authFailuresPerMinute()).isEqualTo(20);
        assertThat(c.authFailureBurst()).isEqualTo(30);
        assertThat(c.trustForwardedFor()).isFalse();
        assertThat(c.webhookRetention()).isNull();
    }

    @Test
    void optionsWinOverTheEnvironmentAndAnOptionLeftOutKeepsTheVariable() {
        Map<String, String> env = Map.of("PLANTRACK_PORT", "9090", "PLANTRACK_DB", "/srv/plantrack",
                "PLANTRACK_AUTH_FAILURES_PER_MINUTE", "5", "PLANTRACK_WEBHOOK_RETENTION_DAYS", "90",
                "PLANTRACK_TRUST_FORWARDED_FOR", "false");
        ServerConfig c = config(env, "--db", "jdbc:postgresql://db/plantrack", "serve", "--port", "8080", "--no-demo",
                "--auth-failure-burst", "3", "--webhook-retention-days", "30", "--trust-forwarded-for");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.db()).isEqualTo("jdbc:postgresql://db/plantrack");
        assertThat(c.demo()).isFalse();
        assertThat(c.authFailuresPerMinute()).as("from the environment").isEqualTo(5);
        assertThat(c.authFailureBurst()).isEqualTo(3);
        assertThat(c.webhookRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(c.trustForwardedFor()).isTrue();
        ServerConfig fromEnv = config(env, "serve", "--auth-failures-per-minute", "0.5");
        assertThat(fromEnv.port()).isEqualTo(9090);
        assertThat(fromEnv.db()).isEqualTo("/srv/plantrack");
        assertThat(fromEnv.authFailuresPerMinute()).isEqualTo(0.5);
        assertThat(fromEnv.webhookRetention()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void aBadValueIsAParameterErrorNamingTheOptionOrVariable() {
        assertThatThrownBy(() -> config(Map.of(), "serve", "--port", "70000"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--port': a port between 0 and 65535, found '70000'");
        assertThatThrownBy(() -> config(Map.of(), "serve", "--auth-failures-per-minute", "0"))
                .hasMessageContaining("--auth-failures-per-minute").hasMessageContaining("'0.0'");
        assertThatThrownBy(() -> config(Map.of(), "serve", "--auth-failure-burst", "0"))
                .hasMessageContaining("--auth-failure-burst").hasMessageContaining("'0'");
        assertThatThrownBy(() -> config(Map.of("PLANTRACK_PORT", "http"), "serve"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for PLANTRACK_PORT: a port between 0 and 65535, found 'http'");
        assertThatThrownBy(() -> config(Map.of(), "serve", "--port", "http"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("'http'");
    }
}
