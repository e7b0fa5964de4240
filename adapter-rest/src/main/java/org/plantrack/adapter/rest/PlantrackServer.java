package org.plantrack.adapter.rest;

import com.google.inject.Key;
import com.google.inject.Injector;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.plantrack.adapter.rest.internal.Access;
import org.plantrack.adapter.rest.internal.ApiRoutes;
import org.plantrack.adapter.rest.internal.Demo;
import org.plantrack.core.access.IssuedToken;
import org.plantrack.adapter.rest.internal.Http;
import org.plantrack.adapter.rest.internal.JettyProblems;
import org.plantrack.adapter.rest.internal.Logs;
import org.plantrack.adapter.rest.internal.Problems;
import org.plantrack.adapter.rest.internal.RequestIds;
import org.plantrack.adapter.rest.internal.ServerModule;
import org.plantrack.core.PlanTracker;
import org.plantrack.wiring.PluginsModule;
import org.plantrack.wiring.StoreModule;
import org.plantrack.adapter.rest.internal.routes.TaskRoutes;
import org.plantrack.wiring.TrackerModule;
import org.plantrack.wiring.WebhooksModule;
import org.plantrack.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Plantrack HTTP server: the web dashboard at {@code /}, the API under {@code /api/v1}, {@code /health},
 * the OpenAPI document at {@code /openapi.json} and Swagger UI at {@code /docs}.
 *
 * <pre>{@code
 * try (PlantrackServer server = PlantrackServer.start(ServerConfig.builder().port(0).db("mem").build())) {
 *     int port = server.port();
 * }
 * }</pre>
 *
 * <p>From the command line it runs as {@code plantrack serve} (the CLI's one parser for its options, over
 * {@link ServerConfig#fromEnvironment} for the environment), through {@link #serve}; {@link #main} runs it from
 * the environment alone.
 */
public final class PlantrackServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlantrackServer.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("plantrack.request");

    private final Javalin app;
    private final PlanTracker tracker;
    private final IssuedToken demoToken;
    private final org.plantrack.webhooks.WebhookDispatcher webhooks;
    private final Optional<org.plantrack.webhooks.Webhooks> hooks;
    private final org.plantrack.core.StatusWatcher watcher;
    private boolean closed;

    private PlantrackServer(Javalin app, PlanTracker tracker, IssuedToken demoToken,
            org.plantrack.webhooks.WebhookDispatcher webhooks, Optional<org.plantrack.webhooks.Webhooks> hooks) {
        this.app = app;
        this.tracker = tracker;
        this.demoToken = demoToken;
        this.webhooks = webhooks;
        this.hooks = hooks;
        // Changes caused by the passage of time (a target turns OVERDUE at midnight) reach the listeners
        // (and so the webhooks) within ten minutes of the new day.
        this.watcher = new org.plantrack.core.StatusWatcher(tracker).start(java.time.Duration.ofMinutes(10));
    }

    /** Starts a server; it runs until {@link #close()}. */
    public static PlantrackServer start(ServerConfig config) {
        // The one composition root (docs/architecture.md): a Guice module per feature, and this server's own.
        Injector injector = Wiring.create(
                config.store() == null ? StoreModule.opening(config.db()) : StoreModule.of(config.store(), false),
                new TrackerModule(config.clock()), new PluginsModule(),
                WebhooksModule.delivering(config.webhookRetention()), new ServerModule(config));
        PlanTracker tracker = Wiring.instance(injector, PlanTracker.class);
        Optional<org.plantrack.webhooks.Webhooks> hooks = Wiring.instance(injector,
                new Key<Optional<org.plantrack.webhooks.Webhooks>>() { });
        org.plantrack.webhooks.WebhookDispatcher dispatcher = Wiring.instance(injector,
                new Key<Optional<org.plantrack.webhooks.WebhookDispatcher>>() { }).orElse(null);
        try {
            IssuedToken demoToken = config.demo() ? Demo.loadIfEmpty(tracker, config.clock()).orElse(null) : null;
            ApiRoutes routes = injector.getInstance(ApiRoutes.class);
            Access access = injector.getInstance(Access.class);
            Problems problems = injector.getInstance(Problems.class);
            byte[] docs = docsPage();
            Javalin app = Javalin.create(c -> {
                c.startup.showJavalinBanner = false;
                c.http.maxRequestSize = Math.max(config.maxBodyBytes(), config.maxImportBytes());
                // each route checks its own limit (an import: maxImportBytes; evidence: TaskRoutes.MAX_EVIDENCE_BODY)
                long maxUpload = Math.max(config.maxImportBytes(), TaskRoutes.MAX_EVIDENCE_BODY);
                c.jetty.multipartConfig.maxFileSize(maxUpload, SizeUnit.BYTES);
                c.jetty.multipartConfig.maxTotalRequestSize(maxUpload + 64 * 1024, SizeUnit.BYTES);
                c.staticFiles.enableWebjars();
                // The dashboard (plain HTML, CSS and JavaScript; ECharts from its WebJar): '/' is public/index.html.
                c.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/public";
                    sf.location = Location.CLASSPATH;
                    sf.headers = java.util.Map.of("Cache-Control", "no-cache");
                });
                c.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
                c.jetty.modifyHttpConfiguration(h -> h.setRequestHeaderSize(Http.HEAD_READ_LIMIT));
                c.requestLogger.http((ctx, ms) -> REQUESTS.info("{} {} {} {}ms token={} rid={}", ctx.method(),
                        Logs.clean(ctx.path()), ctx.statusCode(), Math.round(ms), Access.tokenId(ctx),
                        RequestIds.of(ctx)));
                c.routes.before(RequestIds::assign);
                c.routes.before(Http::checkHeaderSize);
                c.routes.before(ApiRoutes.API + "/*", access::authenticate);
                c.routes.exception(Exception.class, problems::handle);
                for (int status : new int[] {400, 404, 405, 413, 500, 503}) {
                    // Answers Javalin and Jetty give themselves (no such route, ...) become problems too.
                    c.routes.error(status, ctx -> {
                        String ct = ctx.res().getContentType();
                        if (ct == null || !ct.startsWith("application/problem+json")) {
                            problems.fallback(ctx, status);
                        }
                    });
                }
                c.routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(docs));
                routes.register(c.routes);
            });
            app.start(config.host(), config.port());
            LOG.info("Plantrack listening on http://{}:{}/ (API /api/v1, docs /docs)", config.host(), app.port());
            if (dispatcher != null) {
                dispatcher.start();
            }
            return new PlantrackServer(app, tracker, demoToken, dispatcher, hooks);
        } catch (RuntimeException e) {
            if (dispatcher != null) {
                dispatcher.close();
            }
            tracker.close();
            throw e;
        }
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The tracker behind the server (for embedding code and tests). */
    public PlanTracker tracker() {
        return tracker;
    }

    /** The webhooks of the server's store (subscriptions, deliveries), or empty for a store that keeps none. */
    public Optional<org.plantrack.webhooks.Webhooks> webhooks() {
        return hooks;
    }

    /** The demo admin token's bearer string, when this start loaded the demo data. */
    public Optional<String> demoAdminToken() {
        return Optional.ofNullable(demoToken).map(IssuedToken::bearer);
    }

    /** When the demo admin token expires ({@link Demo#TOKEN_LIFETIME} after the start that loaded the demo data). */
    public Optional<java.time.Instant> demoAdminTokenExpiresAt() {
        return Optional.ofNullable(demoToken).map(t -> t.token().expiresAt());
    }

    /** Every registered HTTP route as {@code METHOD path}, e.g. {@code GET /api/v1/plans/{planId}}. */
    public List<String> routes() {
        List<String> out = new ArrayList<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            HandlerType m = e.endpoint.method;
            if (m.isHttpMethod()) {
                out.add(m.name() + " " + e.endpoint.path);
            }
        }
        return out;
    }

    /** Stops the server and closes the store it opened. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Plantrack stopping");
        try {
            app.stop();
        } finally {
            try {
                watcher.close();
                if (webhooks != null) {
                    webhooks.close(); // finishes the delivery in flight, gives unsent claims back
                }
            } finally {
                tracker.close();
                LOG.info("Plantrack stopped");
            }
        }
    }

    private static byte[] docsPage() {
        String version = swaggerUiVersion();
        String base = "/webjars/swagger-ui/" + version;
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Plantrack API</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + base + "/swagger-ui.css\"></head>\n<body><div id=\"swagger-ui\">"
                + "</div>\n<script src=\"" + base + "/swagger-ui-bundle.js\"></script>\n<script>\n"
                + "window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui'});\n</script></body></html>\n";
        return html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The Swagger UI WebJar's version, read from its Maven metadata. */
    static String swaggerUiVersion() {
        String res = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
        try (InputStream in = PlantrackServer.class.getResourceAsStream(res)) {
            if (in == null) {
                ClassLoader cl = PlantrackServer.class.getClassLoader();
                try (InputStream in2 = cl.getResourceAsStream(res.substring(1))) {
                    if (in2 == null) {
                        throw new IllegalStateException("the Swagger UI WebJar is missing: " + res + " not found");
                    }
                    Properties p = new Properties();
                    p.load(in2);
                    return p.getProperty("version");
                }
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + res, e);
        }
    }

    /**
     * Starts the server configured by the environment alone ({@link ServerConfig#fromEnvironment}: the
     * {@code PLANTRACK_*} variables), for containers and service managers:
     * {@code PLANTRACK_PORT=8080 java -p lib -m org.plantrack.adapter.rest/org.plantrack.adapter.rest.PlantrackServer}.
     * Options belong to {@code plantrack serve}, the one command-line parser; an argument here is refused
     * with exit 2 and a pointer to it.
     *
     * @param args must be empty
     */
    public static void main(String[] args) {
        if (args.length > 0) {
            System.err.println("plantrack: this entry point takes no arguments (found '" + args[0]
                    + "'); set PLANTRACK_* variables, or run 'plantrack serve --help' for the options");
            System.exit(2);
            return;
        }
        ServerConfig config;
        try {
            config = ServerConfig.fromEnvironment(System.getenv()).build();
        } catch (IllegalArgumentException e) {
            System.err.println("plantrack: invalid value for " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            serve(config, System.out);
        } catch (RuntimeException e) {
            System.exit(1);
        }
    }

    /**
     * Runs the server for {@code plantrack serve}: starts it, closes it from a shutdown hook (Ctrl-C, SIGTERM)
     * and prints the demo admin token, the one thing the server writes to standard output, when it made one.
     * The command line and the environment are read by the CLI ({@code ServeCommand}, over
     * {@link ServerConfig#fromEnvironment}); this method only runs what they describe.
     *
     * @param config what to run
     * @param out    where the demo token notice goes (standard output)
     * @return the running server
     * @throws RuntimeException when the server cannot start (logged first); the store is closed again
     */
    public static PlantrackServer serve(ServerConfig config, java.io.PrintStream out) {
        java.util.concurrent.atomic.AtomicReference<PlantrackServer> running =
                new java.util.concurrent.atomic.AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            PlantrackServer s = running.get();
            if (s != null) {
                s.close();
            }
        }, "plantrack-shutdown"));
        PlantrackServer server;
        try {
            server = start(config);
        } catch (RuntimeException e) {
            LOG.error("Plantrack could not start: {}", e.toString(), e);
            throw e;
        }
        running.set(server);
        server.demoAdminToken().ifPresent(t -> {
            out.println(demoNotice(server.demoAdminTokenExpiresAt().orElseThrow(), config.clock().getZone()) + t);
            out.println("  export TOKEN=" + t);
            out.flush();
        });
        return server;
    }

    /**
     * The first line printed with the demo token: when it expires, in the server's time zone, e.g.
     * {@code Demo admin token (shown once, keep it; expires 2017-07-02T10:00+08:00, in 24 hours): }.
     */
    static String demoNotice(java.time.Instant expiresAt, java.time.ZoneId zone) {
        return "Demo admin token (shown once, keep it; expires "
                + expiresAt.atZone(zone).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                + ", in " + Demo.TOKEN_LIFETIME.toHours() + " hours): ";
    }
}
