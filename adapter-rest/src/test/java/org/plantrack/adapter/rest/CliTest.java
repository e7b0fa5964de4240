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
