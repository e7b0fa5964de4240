package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Role;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * The limit of failed authentications per client address, over real HTTP: past it, requests without a valid
 * token are answered 429 before the store is asked; tokens in use from that address still work; other
 * addresses and public routes are not touched; {@code X-Forwarded-For} counts only when trusted; refusals are
 * logged without the token. (The bounds of the limiter's memory: {@code RateLimiterTest}.)
 */
class AuthFailureLimitTest {
    static final String PLANS = "/api/v1/plans";
    static final String PROBE = "pt_nosuch.S3CRET-probe-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private CountingStore<JdbcPlanStore> store;
    private PlantrackServer server;

    /** A server on an H2 file whose token look-ups are counted, limited to {@code burst} failures at once. */
    private PlantrackServer start(ServerConfig.Builder config) {
        store = new CountingStore<>(JdbcPlanStore.fromSetting(Fixtures.h2("AuthFailureLimitTest")));
        server = PlantrackServer.start(config.port(0).host("127.0.0.1").demo(false).store(store).build());
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static void assert429(Api.Res r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(429);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("type").asText()).isEqualTo("https://plantrack.org/problems/rate-limited");
        assertThat(p.get("status").asInt()).isEqualTo(429);
        assertThat(p.get("detail").asText()).contains("without a valid access token").doesNotContain("S3CRET");
        assertThat(p.get("requestId").asText()).isEqualTo(r.header("X-Request-Id"));
        assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
    }

    @Test
    void pastTheLimitRequestsWithoutAValidTokenGet429BeforeTheStoreIsAsked() {
        start(ServerConfig.builder().authFailureLimit(1, 5));
        Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
        Api probe = admin.as(PROBE);
        assertThat(admin.get(PLANS).status()).isEqualTo(200);

        int before = store.tokenLookups.get();
        for (int i = 0; i < 5; i++) {
            assertThat(probe.get(PLANS).status()).as("failure %s of the burst", i + 1).isEqualTo(401);
        }
        assertThat(store.tokenLookups.get() - before).as("each failure within the burst looked the token up")
                .isEqualTo(5);

        int blocked = store.tokenLookups.get();
        Api.Res limited = probe.get(PLANS);
        assert429(limited);
        // refilled at one a minute: the next failure is allowed in at most 60 s
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        for (int i = 0; i < 50; i++) {
            assert429(probe.as("pt_guess" + i + ".S3CRET-" + i).post(PLANS + "/x/reports", Fixtures.report("1.1.1",
                    "2017-03-31", 1)));
        }
        assert429(probe.as(null).get(PLANS)); // no token at all
        assert429(probe.as(null).get(PLANS, "Authorization", "Basic YTpi"));
        assert429(probe.as("not-even-a-token").get("/api/v1/no-such-route"));
        assertThat(store.tokenLookups.get()).as("no token was looked up once over the limit").isEqualTo(blocked);

        // a token in use from the same address still works, and is still checked in the store
        assertThat(admin.get(PLANS).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/me").json().get("role").asText()).isEqualTo("ADMIN");
        assertThat(store.tokenLookups.get() - blocked).as("the valid token was looked up").isEqualTo(2);

        // routes that need no token are not limited
        Api anonymous = admin.as(null);
        assertThat(anonymous.get("/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/openapi.json").status()).isEqualTo(200);
        assertThat(anonymous.get("/docs").status()).isEqualTo(200);
        assertThat(anonymous.get("/").status()).isEqualTo(200);
        assertThat(anonymous.get("/js/app.js").status()).isEqualTo(200);
    }

    @Test
    void anotherAddressHasItsOwnBucket() throws IOException {
        start(ServerConfig.builder().authFailureLimit(1, 3));
        Api probe = new Api(server.port(), PROBE);
        for (int i = 0; i < 3; i++) {
            assertThat(probe.get(PLANS).status()).isEqualTo(401);
        }
        assert429(probe.get(PLANS));
        // 127.0.0.2 is another client on the loopback interface
        assertThat(statusFrom("127.0.0.2", PLANS, PROBE)).isEqualTo(401);
        assertThat(statusFrom("127.0.0.2", PLANS, null)).isEqualTo(401);
        assertThat(statusFrom("127.0.0.1", PLANS, PROBE)).isEqualTo(429);
    }

    @Test
    void aValidTokenNotSeenRecentlyWaitsLikeAnyOtherUntilItHasBeenSeen() throws IOException {
        start(ServerConfig.builder().authFailureLimit(1, 3));
        Api probe = new Api(server.port(), PROBE);
        for (int i = 0; i < 3; i++) {
            assertThat(probe.get(PLANS).status()).isEqualTo(401);
        }
        String fresh = Fixtures.token(server.tracker(), Role.VIEWER);
        int lookups = store.tokenLookups.get();
        // the server cannot tell it from a guess without asking the store, which is what the limit prevents
        assert429(probe.as(fresh).get(PLANS));
        assertThat(store.tokenLookups.get()).isEqualTo(lookups);
        // once it has authenticated (here from another address), it works from the limited one too
        assertThat(statusFrom("127.0.0.2", PLANS, fresh)).isEqualTo(200);
        assertThat(probe.as(fresh).get(PLANS).status()).isEqualTo(200);
        assert429(probe.get(PLANS));
    }

    @Test
    void aRevokedTokenFailsAtOnceAndThenCountsAsAFailure() {
        start(ServerConfig.builder().authFailureLimit(1, 3));
        Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
        String viewerBearer = Fixtures.token(server.tracker(), Role.VIEWER);
        Api viewer = admin.as(viewerBearer);
        assertThat(viewer.get(PLANS).status()).isEqualTo(200);
        assertThat(admin.get(PLANS).status()).isEqualTo(200);
        Api probe = admin.as(PROBE);
        for (int i = 0; i < 3; i++) {
            assertThat(probe.get(PLANS).status()).isEqualTo(401);
        }
        assert429(probe.get(PLANS));
        assertThat(viewer.get(PLANS).status()).isEqualTo(200);

        String viewerId = viewerBearer.substring(3, viewerBearer.indexOf('.'));
        assertThat(admin.delete("/api/v1/tokens/" + viewerId).status()).isEqualTo(200);
        Api.Res revoked = viewer.get(PLANS);
        assertThat(revoked.status()).as("checked in the store: revoked at once").isEqualTo(401);
        assertThat(revoked.header("WWW-Authenticate")).contains("invalid_token");
        int lookups = store.tokenLookups.get();
        assert429(viewer.get(PLANS));
        assertThat(store.tokenLookups.get()).as("a revoked token is a guess like any other").isEqualTo(lookups);
        assertThat(admin.get(PLANS).status()).isEqualTo(200);
    }

    @Test
    void theBucketRefillsAsRetryAfterSays() throws InterruptedException {
        start(ServerConfig.builder().authFailureLimit(60, 2)); // one a second
        Api probe = new Api(server.port(), PROBE);
        assertThat(probe.get(PLANS).status()).isEqualTo(401);
        assertThat(probe.get(PLANS).status()).isEqualTo(401);
        Api.Res limited = probe.get(PLANS);
        assert429(limited);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        Thread.sleep(1_100);
        assertThat(probe.get(PLANS).status()).isEqualTo(401);
        assert429(probe.get(PLANS));
    }

    @Test
    void theDefaultAllowsThirtyFailuresAtOnce() {
        start(ServerConfig.builder());
        Api probe = new Api(server.port(), PROBE);
        for (int i = 0; i < 30; i++) {
            assertThat(probe.get(PLANS).status()).as("failure %s", i + 1).isEqualTo(401);
        }
        Api.Res limited = probe.get(PLANS);
        assert429(limited);
        // 20 a minute: one more every 3 s
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3L);
    }

    @Test
    void forwardedForIsIgnoredUnlessTheServerIsToldToTrustIt() {
        start(ServerConfig.builder().authFailureLimit(1, 3));
        Api probe = new Api(server.port(), PROBE);
        for (int i = 0; i < 3; i++) {
            assertThat(probe.get(PLANS, "X-Forwarded-For", "10.0.0." + i).status()).isEqualTo(401);
        }
        assert429(probe.get(PLANS, "X-Forwarded-For", "10.0.0.99"));
    }

    @Test
    void aTrustedForwardedForNamesTheClientByItsLastAddress() {
        start(ServerConfig.builder().authFailureLimit(1, 3).trustForwardedFor(true));
        Api probe = new Api(server.port(), PROBE);
        for (int i = 0; i < 3; i++) {
            // what the client wrote comes first; the proxy appends the address it saw
            assertThat(probe.get(PLANS, "X-Forwarded-For", "198.51.100." + i + ", 203.0.113.7").status())
                    .isEqualTo(401);
        }
        assert429(probe.get(PLANS, "X-Forwarded-For", "203.0.113.7"));
        assert429(probe.get(PLANS, "X-Forwarded-For", "[2001:db8::1]:443, 203.0.113.7"));
        // a client cannot leave its bucket by writing another address first
        assertThat(probe.get(PLANS, "X-Forwarded-For", "203.0.113.7, 203.0.113.8").status()).isEqualTo(401);
        // without the header, or with one that is not an address, the connection's address counts
        assertThat(probe.get(PLANS).status()).isEqualTo(401);
        assertThat(probe.get(PLANS, "X-Forwarded-For", "evil.example").status()).isEqualTo(401);
        // IPv6 clients are counted by their /64 network
        for (int i = 1; i <= 3; i++) {
            assertThat(probe.get(PLANS, "X-Forwarded-For", "2001:db8:0:1::" + i).status()).isEqualTo(401);
        }
        assert429(probe.get(PLANS, "X-Forwarded-For", "2001:db8:0:1:ffff::9"));
        assertThat(probe.get(PLANS, "X-Forwarded-For", "2001:db8:0:2::1").status()).isEqualTo(401);
    }

    /**
     * The server as users run it (own JVM, production logging, limits from its command line): a refusal is
     * logged with the client's address at most once a minute, never with the token.
     */
    @Test
    void refusalsAreLoggedOnceWithTheAddressAndNeverTheToken() throws Exception {
        Path log = LoadTest.OUT.resolve("auth-failure-limit-server.log");
        Files.deleteIfExists(log);
        try (ServerProcess p = ServerProcess.start("mem", false, log, java.util.Map.of(
                "PLANTRACK_AUTH_FAILURES_PER_MINUTE", "1", "PLANTRACK_AUTH_FAILURE_BURST", "2"))) {
            Api probe = new Api(p.port(), PROBE);
            int[] statuses = new int[6];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = probe.get(PLANS).status();
            }
            assertThat(statuses).containsExactly(401, 401, 429, 429, 429, 429);
            assertThat(probe.as(null).get("/health").status()).isEqualTo(200);
            String text = waitForLog(p, "GET /health 200");
            List<String> notices = Arrays.stream(text.split("\n"))
                    .filter(l -> l.contains("over its limit of failed authentications")).toList();
            assertThat(notices).as(text).hasSize(1);
            assertThat(notices.get(0)).contains("WARN").contains("client 127.0.0.1")
                    .contains("(1 a minute, burst 2)").contains("refused 1 request(s)");
            assertThat(text).contains("GET /api/v1/plans 429").doesNotContain("S3CRET");
        }
    }

    private static String waitForLog(ServerProcess p, String line) throws InterruptedException {
        String text = p.logText();
        for (int i = 0; i < 50 && !text.contains(line); i++) {
            Thread.sleep(100);
            text = p.logText();
        }
        return text;
    }

    /** {@code GET path} over a connection from {@code localAddress}; the status. */
    private int statusFrom(String localAddress, String path, String bearer) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(localAddress, 0));
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 ");
            return Integer.parseInt(answer.substring(9, 12));
        }
    }
}
