package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantrack.adapter.rest.internal.Demo;
import org.plantrack.adapter.rest.internal.Route;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.TaskSupervision;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.TaskReportRequest;
import org.plantrack.core.store.ReportQuery;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * Every registered route × every kind of caller × an object inside and outside a reporter's units, each
 * cell with its exact status. The route list comes from the running server: a new route without an entry
 * here fails {@link #everyRegisteredRouteHasAMatrixEntry()}. A refused request changes nothing stored.
 *
 * <p>The supervision cycle's routes are called on a second server (the in-memory store, whose task records the
 * snapshot reads directly, and a clock in July 2017, within the plan's year); their cells name that server
 * ({@link Cell#sup}). The same routes on the H2 store are covered by {@code SupervisionH2Test}.
 */
class AccessMatrixTest {
    /** Who calls. The reporter's units are {@code u-a}; IN objects belong to u-a, OUT objects to u-b. */
    enum Who { NONE, BAD_TOKEN, REVOKED, ADMIN, VIEWER, REPORTER, SUPERVISOR }

    /** Whether the object named by the request belongs to the reporter's unit (u-a) or another (u-b). */
    enum Scope { IN, OUT }

    /** A request, built just before it is sent (builders may prepare fresh objects). */
    record Req(String method, String path, byte[] body, String contentType, String... headers) {
    }

    record Cell(Function<Scope, Req> request, Expect expect, boolean sup) {
        Cell(Function<Scope, Req> request, Expect expect) {
            this(request, expect, false);
        }
    }

    @FunctionalInterface
    interface Expect {
        int status(Who who, Scope scope);
    }

    static final String DB = Fixtures.h2("AccessMatrixTest");
    static PlantrackServer server;
    static Api admin;
    static final Map<Who, String> TOKENS = new LinkedHashMap<>();
    static String reportIn;
    static String reportOut;
    static final AtomicInteger SEQ = new AtomicInteger();

    /** The server for the supervision routes, its store, and its tokens (the same kinds of caller). */
    static PlantrackServer supServer;
    static InMemoryPlanStore supStore;
    static Api supAdmin;
    static final Map<Who, String> SUP_TOKENS = new LinkedHashMap<>();
    static Principal reporterA;
    static Principal reporterB;

    @BeforeAll
    static void start() {
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(DB).demo(false)
                // ~230 requests without a valid token from 127.0.0.1: over the default limit of failed
                // authentications per address (20 a minute, 30 at once), which AuthFailureLimitTest covers
                .rateLimit(10_000, 10_000).authFailureLimit(100_000, 100_000).build());
        TOKENS.put(Who.ADMIN, Fixtures.token(server.tracker(), Role.ADMIN));
        admin = new Api(server.port(), TOKENS.get(Who.ADMIN));
        Fixtures.setUp(admin, "m");
        Fixtures.setUp(admin, "w"); // the plan that admin edits change
        TOKENS.put(Who.VIEWER, Fixtures.token(server.tracker(), Role.VIEWER));
        TOKENS.put(Who.SUPERVISOR, Fixtures.token(server.tracker(), Role.SUPERVISOR));
        TOKENS.put(Who.REPORTER, Fixtures.token(server.tracker(), Role.REPORTER, "u-a"));
        String revoked = Fixtures.token(server.tracker(), Role.ADMIN);
        String revokedId = revoked.substring(3, revoked.indexOf('.'));
        assertThat(admin.delete("/api/v1/tokens/" + revokedId).status()).isEqualTo(200);
        TOKENS.put(Who.REVOKED, revoked);
        TOKENS.put(Who.BAD_TOKEN, "pt_nosuch.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        TOKENS.put(Who.NONE, null);
        reportIn = admin.post("/api/v1/plans/m/reports", Fixtures.report("1.1.1", "2017-03-31", 10)).json()
                .get("id").asText();
        reportOut = admin.post("/api/v1/plans/m/reports", Fixtures.report("1.2.1", "2017-03-31", 1)).json()
                .get("id").asText();

        supStore = InMemoryPlanStore.create();
        supServer = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").store(supStore)
                .demo(false).clock(Clock.fixed(Instant.parse("2017-07-10T02:00:00Z"), ZoneId.of("Asia/Shanghai")))
                .rateLimit(10_000, 10_000).authFailureLimit(100_000, 100_000).build());
        var t = supServer.tracker();
        SUP_TOKENS.put(Who.ADMIN, Fixtures.token(t, Role.ADMIN));
        supAdmin = new Api(supServer.port(), SUP_TOKENS.get(Who.ADMIN));
        Fixtures.setUp(supAdmin, "m");
        SUP_TOKENS.put(Who.VIEWER, Fixtures.token(t, Role.VIEWER));
        SUP_TOKENS.put(Who.SUPERVISOR, Fixtures.token(t, Role.SUPERVISOR));
        SUP_TOKENS.put(Who.REPORTER, Fixtures.token(t, Role.REPORTER, "u-a"));
        String revokedSup = Fixtures.token(t, Role.ADMIN);
        assertThat(supAdmin.delete("/api/v1/tokens/" + revokedSup.substring(3, revokedSup.indexOf('.'))).status())
                .isEqualTo(200);
        SUP_TOKENS.put(Who.REVOKED, revokedSup);
        SUP_TOKENS.put(Who.BAD_TOKEN, TOKENS.get(Who.BAD_TOKEN));
        SUP_TOKENS.put(Who.NONE, null);
        reporterA = t.authenticate(SUP_TOKENS.get(Who.REPORTER)).orElseThrow();
        reporterB = t.authenticate(Fixtures.token(t, Role.REPORTER, "u-b")).orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
        if (supServer != null) {
            supServer.close();
        }
    }

    // ------------------------------------------------------------------ expectations

    static Expect everyone(int ok) {
        return (w, s) -> ok;
    }

    static Expect anyToken(int ok) {
        return (w, s) -> ok;
    }

    static Expect roles(int ok, Who... allowed) {
        return (w, s) -> List.of(allowed).contains(w) ? ok : 403;
    }

    static Expect admin(int ok) {
        return roles(ok, Who.ADMIN);
    }

    static Expect supervisors(int ok) {
        return roles(ok, Who.ADMIN, Who.SUPERVISOR);
    }

    /** A step a unit takes: admins and supervisors on any task, a reporter on its units' (403 on another's). */
    static Expect unitStep(int ok) {
        return (w, s) -> w == Who.ADMIN || w == Who.SUPERVISOR || (w == Who.REPORTER && s == Scope.IN) ? ok : 403;
    }

    /** Reads of progress reports: a reporter gets 404 for objects outside its units. */
    static Expect scopedRead() {
        return (w, s) -> w == Who.REPORTER && s == Scope.OUT ? 404 : 200;
    }

    // ------------------------------------------------------------------ requests

    static Req get(String path) {
        return new Req("GET", path, null, null);
    }

    static Req json(String method, String path, Object body, String... headers) {
        return new Req(method, path, Api.bytes(body), "application/json", headers);
    }

    static String etag(String planId) {
        return admin.get("/api/v1/plans/" + planId).header("ETag");
    }

    static String unit(Scope s) {
        return s == Scope.IN ? "u-a" : "u-b";
    }

    static String target(Scope s) {
        return s == Scope.IN ? "1.1.1" : "1.2.1";
    }

    static String report(Scope s) {
        return s == Scope.IN ? reportIn : reportOut;
    }

    /** A new report (a report can be corrected once; later corrections name the latest). */
    static String freshReport(Scope s) {
        return admin.post("/api/v1/plans/m/reports", Fixtures.report(target(s), "2017-03-31", 1)).json().get("id")
                .asText();
    }

    static Map<String, Object> task11() {
        return Api.map("id", "1.1", "ordinal", 1, "title", "发展企业科协。", "leadUnit", "u-a",
                "targets", List.of(Api.map("id", "1.1.1", "description", "新建企业科协200家", "kind", "COUNT",
                        "goal", 200, "measure", "家")));
    }

    /** The matrix: route → how to call it and what each caller gets. */
    static Map<String, Cell> matrix() {
        String p = "/api/v1/plans";
        Map<String, Cell> m = new LinkedHashMap<>();
        m.put("GET /health", new Cell(s -> get("/health"), everyone(200)));
        m.put("GET /openapi.json", new Cell(s -> get("/openapi.json"), everyone(200)));
        m.put("GET /docs", new Cell(s -> get("/docs"), everyone(200)));

        m.put("GET " + p, new Cell(s -> get(p), anyToken(200)));
        m.put("POST " + p, new Cell(s -> json("POST", p, Fixtures.plan("new-" + SEQ.incrementAndGet())), admin(201)));
        m.put("POST " + p + "/import", new Cell(s -> new Req("POST", p + "/import?planId=imp-" + SEQ.incrementAndGet(),
                Demo.referencePlan().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8"), admin(201)));
        m.put("POST " + p + "/import/preview", new Cell(s -> new Req("POST", p + "/import/preview",
                Demo.referencePlan().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8"), admin(200)));
        m.put("GET " + p + "/{planId}", new Cell(s -> get(p + "/m"), anyToken(200)));
        m.put("PUT " + p + "/{planId}", new Cell(s -> json("PUT", p + "/w", Fixtures.plan("w"), "If-Match", etag("w")),
                admin(200)));
        m.put("POST " + p + "/{planId}/archive", new Cell(s -> {
            String id = "arch-" + SEQ.incrementAndGet();
            admin.post(p, Fixtures.plan(id));
            return new Req("POST", p + "/" + id + "/archive", new byte[0], null, "If-Match", "\"1\"");
        }, admin(200)));
        m.put("PUT " + p + "/{planId}/settings", new Cell(s -> json("PUT", p + "/w/settings",
                Api.map("preset", "cn-supervision"), "If-Match", etag("w")), admin(200)));
        m.put("GET " + p + "/{planId}/sections/{sectionId}", new Cell(s -> get(p + "/m/sections/1"), anyToken(200)));
        m.put("PUT " + p + "/{planId}/sections/{sectionId}", new Cell(s -> json("PUT", p + "/w/sections/1",
                Api.map("title", "一、新标题"), "If-Match", etag("w")), admin(200)));
        m.put("GET " + p + "/{planId}/tasks/{taskId}", new Cell(s -> get(p + "/m/tasks/1.1"), anyToken(200)));
        m.put("PUT " + p + "/{planId}/tasks/{taskId}", new Cell(s -> json("PUT", p + "/w/tasks/1.1", task11(),
                "If-Match", etag("w")), admin(200)));
        m.put("PUT " + p + "/{planId}/tasks/{taskId}/units", new Cell(s -> json("PUT", p + "/w/tasks/1.1/units",
                Api.map("leadUnit", "u-a"), "If-Match", etag("w")), admin(200)));
        m.put("GET " + p + "/{planId}/targets/{targetId}", new Cell(s -> get(p + "/m/targets/" + target(s)),
                anyToken(200)));
        m.put("PUT " + p + "/{planId}/targets/{targetId}", new Cell(s -> json("PUT", p + "/w/targets/1.1.1",
                Api.map("id", "1.1.1", "description", "新建企业科协", "kind", "COUNT", "goal", 300, "measure", "家"),
                "If-Match", etag("w")), admin(200)));
        m.put("GET " + p + "/{planId}/targets/{targetId}/source", new Cell(s -> get(p + "/m/targets/" + target(s)
                + "/source"), anyToken(200)));
        m.put("GET " + p + "/{planId}/targets/{targetId}/burnup", new Cell(s -> get(p + "/m/targets/" + target(s)
                + "/burnup?asOf=2017-06-30"), scopedRead()));
        m.put("GET /api/v1/me", new Cell(s -> get("/api/v1/me"), anyToken(200)));
        m.put("GET " + p + "/{planId}/status", new Cell(s -> get(p + "/m/status?asOf=2017-06-30"), anyToken(200)));
        for (String ext : List.of("md", "csv", "html", "xlsx", "docx")) {
            m.put("GET " + p + "/{planId}/report." + ext, new Cell(s -> get(p + "/m/report." + ext + "?asOf=2017-06-30"),
                    anyToken(200)));
        }
        m.put("GET " + p + "/{planId}/year-end-summary", new Cell(s -> get(p + "/m/year-end-summary?asOf=2017-12-31"),
                anyToken(200)));
        m.put("GET " + p + "/{planId}/reports", new Cell(s -> get(p + "/m/reports?unitId=" + unit(s)), scopedRead()));
        m.put("POST " + p + "/{planId}/reports", new Cell(s -> json("POST", p + "/m/reports",
                Fixtures.report(target(s), "2017-04-30", 2)),
                (w, s) -> w == Who.ADMIN ? 201 : w == Who.REPORTER ? (s == Scope.IN ? 201 : 403) : 403));
        m.put("POST " + p + "/{planId}/reports/import", new Cell(s -> new Req("POST", p + "/m/reports/import",
                ("plan,target,as_of,value\nm," + target(s) + ",2017-04-30,1\n").getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=utf-8"),
                // a reporter's row on another unit's target is a refused row: nothing stored, 400 naming it
                (w, s) -> w == Who.ADMIN ? 201 : w == Who.REPORTER ? (s == Scope.IN ? 201 : 400) : 403));
        m.put("GET " + p + "/{planId}/reports/{reportId}", new Cell(s -> get(p + "/m/reports/" + report(s)),
                scopedRead()));
        m.put("POST " + p + "/{planId}/reports/{reportId}/corrections", new Cell(s -> json("POST",
                p + "/m/reports/" + freshReport(s) + "/corrections", Fixtures.report(target(s), "2017-03-31", 3)),
                (w, s) -> w == Who.ADMIN ? 201 : w == Who.REPORTER ? (s == Scope.IN ? 201 : 404) : 403));

        m.put("GET /api/v1/units", new Cell(s -> get("/api/v1/units"), anyToken(200)));
        m.put("GET /api/v1/units/{unitId}", new Cell(s -> get("/api/v1/units/" + unit(s)), anyToken(200)));
        m.put("PUT /api/v1/units/{unitId}", new Cell(s -> json("PUT", "/api/v1/units/nu-" + SEQ.incrementAndGet(),
                Api.map("name", "新单位", "parentId", unit(s))), admin(201)));

        m.put("GET /api/v1/audit", new Cell(s -> get("/api/v1/audit?planId=m"), roles(200, Who.ADMIN, Who.SUPERVISOR, Who.VIEWER)));
        m.put("GET /api/v1/audit/verify", new Cell(s -> get("/api/v1/audit/verify"),
                roles(200, Who.ADMIN, Who.SUPERVISOR, Who.VIEWER)));
        m.put("GET /api/v1/audit/export", new Cell(s -> get("/api/v1/audit/export?planId=m"),
                roles(200, Who.ADMIN, Who.SUPERVISOR, Who.VIEWER)));

        m.put("GET /api/v1/tokens", new Cell(s -> get("/api/v1/tokens"), admin(200)));
        m.put("POST /api/v1/tokens", new Cell(s -> json("POST", "/api/v1/tokens",
                Api.map("role", "reporter", "units", List.of(unit(s)), "label", "matrix")), admin(201)));
        m.put("DELETE /api/v1/tokens/{tokenId}", new Cell(s -> {
            String t = Fixtures.token(server.tracker(), Role.VIEWER);
            return new Req("DELETE", "/api/v1/tokens/" + t.substring(3, t.indexOf('.')), null, null);
        }, admin(200)));
        supervisionCells(m);
        return m;
    }

    // ------------------------------------------------------------------ the supervision cycle

    /** Where a fresh plan's tasks 1.1 (u-a) and 1.2 (u-b) are taken before a cell's request. */
    enum Stage { NONE, ASSIGNED, ACKNOWLEDGED, REQUESTED, CLOSED }

    static String task(Scope s) {
        return s == Scope.IN ? "1.1" : "1.2";
    }

    /** A new plan on the supervision server with both tasks at {@code stage}; {@code review}: reports need review. */
    static String freshPlan(Stage stage, boolean review) {
        String id = "s-" + SEQ.incrementAndGet();
        Fixtures.setUp(supAdmin, id);
        TaskSupervision sup = supServer.tracker().supervision();
        Principal system = Principal.system();
        if (review) {
            sup.configure(system, id, sup.settings(system, id).withReviewRequired(true));
        }
        for (String task : List.of("1.1", "1.2")) {
            if (stage.compareTo(Stage.ASSIGNED) >= 0) {
                sup.assign(system, id, task, null, null, null, "matrix");
            }
            if (stage.compareTo(Stage.ACKNOWLEDGED) >= 0) {
                sup.acknowledge(system, id, task, null);
            }
            if (stage.compareTo(Stage.REQUESTED) >= 0) {
                sup.requestCompletion(system, id, task, null);
            }
            if (stage == Stage.CLOSED) {
                sup.close(system, id, task, null);
            }
        }
        return id;
    }

    static Map<String, Object> taskReport() {
        return Api.map("period", "2017-Q3", "progress", "已召开推进会", "assessment", "ON_SCHEDULE");
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    static void supervisionCells(Map<String, Cell> m) {
        String p = "/api/v1/plans/{planId}";
        m.put("GET " + p + "/supervision", new Cell(s -> get("/api/v1/plans/m/supervision"), anyToken(200), true));
        m.put("PUT " + p + "/supervision", new Cell(s -> json("PUT", "/api/v1/plans/" + freshPlan(Stage.NONE, false)
                + "/supervision", Api.map("reviewRequired", true)), supervisors(200), true));
        m.put("GET " + p + "/tasks", new Cell(s -> get("/api/v1/plans/m/tasks?asOf=2017-07-10&unit=" + unit(s)),
                (w, s) -> w == Who.REPORTER && s == Scope.OUT ? 403 : 200, true));
        m.put("POST " + p + "/tasks/assign-all", new Cell(s -> json("POST", "/api/v1/plans/"
                + freshPlan(Stage.NONE, false) + "/tasks/assign-all", Api.map("note", "全部交办")), supervisors(200),
                true));
        m.put("GET " + p + "/tasks/{taskId}/supervision", new Cell(s -> get("/api/v1/plans/m/tasks/" + task(s)
                + "/supervision"), scopedRead(), true));
        m.put("POST " + p + "/tasks/{taskId}/assign", new Cell(s -> json("POST", "/api/v1/plans/"
                + freshPlan(Stage.NONE, false) + "/tasks/" + task(s) + "/assign", Api.map("note", "交办")),
                supervisors(201), true));
        m.put("POST " + p + "/tasks/{taskId}/acknowledge", new Cell(s -> json("POST", "/api/v1/plans/"
                + freshPlan(Stage.ASSIGNED, false) + "/tasks/" + task(s) + "/acknowledge", Api.map()),
                unitStep(201), true));
        m.put("POST " + p + "/tasks/{taskId}/request-completion", new Cell(s -> json("POST", "/api/v1/plans/"
                + freshPlan(Stage.ACKNOWLEDGED, false) + "/tasks/" + task(s) + "/request-completion",
                Api.map("note", "已完成")), unitStep(201), true));
        m.put("POST " + p + "/tasks/{taskId}/return", new Cell(s -> json("POST", "/api/v1/plans/"
                + freshPlan(Stage.REQUESTED, false) + "/tasks/" + task(s) + "/return", Api.map("reason", "材料不全")),
                supervisors(201), true));
        m.put("POST " + p + "/tasks/{taskId}/close", new Cell(s -> json("POST", "/api/v1/plans/"
                + freshPlan(Stage.REQUESTED, false) + "/tasks/" + task(s) + "/close", Api.map("note", "办结")),
                supervisors(201), true));
        m.put("POST " + p + "/tasks/{taskId}/reopen", new Cell(s -> json("POST", "/api/v1/plans/"
                + freshPlan(Stage.CLOSED, false) + "/tasks/" + task(s) + "/reopen", Api.map("reason", "需补充")),
                supervisors(201), true));
        m.put("POST " + p + "/tasks/{taskId}/status", new Cell(s -> json("POST", "/api/v1/plans/"
                + freshPlan(Stage.ASSIGNED, false) + "/tasks/" + task(s) + "/status",
                Api.map("status", "AT_RISK", "reason", "进度滞后")), supervisors(201), true));
        m.put("POST " + p + "/tasks/{taskId}/reports", new Cell(s -> json("POST", "/api/v1/plans/"
                + freshPlan(Stage.ACKNOWLEDGED, false) + "/tasks/" + task(s) + "/reports", taskReport()),
                unitStep(201), true));
        m.put("POST " + p + "/tasks/{taskId}/evidence", new Cell(s -> new Req("POST", "/api/v1/plans/"
                + freshPlan(Stage.ASSIGNED, false) + "/tasks/" + task(s) + "/evidence?name=a.pdf", pdf(),
                "application/pdf"), unitStep(201), true));
        m.put("GET " + p + "/evidence/{fileId}", new Cell(s -> {
            String plan = freshPlan(Stage.ASSIGNED, false);
            String file = supServer.tracker().supervision().uploadEvidence(Principal.system(), plan, task(s), "a.pdf",
                    pdf()).id();
            return get("/api/v1/plans/" + plan + "/evidence/" + file);
        }, scopedRead(), true));
        m.put("GET " + p + "/reviews", new Cell(s -> get("/api/v1/plans/m/reviews"),
                roles(200, Who.ADMIN, Who.SUPERVISOR, Who.VIEWER), true));
        m.put("POST " + p + "/task-reports/{reportId}/review", new Cell(s -> {
            String plan = freshPlan(Stage.ACKNOWLEDGED, true);
            Principal unit = s == Scope.IN ? reporterA : reporterB;
            String report = supServer.tracker().supervision().submitReport(unit, TaskReportRequest.of(plan, task(s),
                    "2017-Q3", "已召开推进会", null, null, SelfAssessment.ON_SCHEDULE)).id();
            return json("POST", "/api/v1/plans/" + plan + "/task-reports/" + report + "/review",
                    Api.map("approve", true));
        }, supervisors(201), true));
        m.put("GET " + p + "/calendar", new Cell(s -> get("/api/v1/plans/m/calendar?asOf=2017-07-10&unit=" + unit(s)),
                anyToken(200), true));
    }

    static int expected(String route, Cell cell, Who who, Scope scope) {
        boolean api = route.split(" ", 2)[1].startsWith("/api/v1/");
        if (api && (who == Who.NONE || who == Who.BAD_TOKEN || who == Who.REVOKED)) {
            return 401;
        }
        return cell.expect().status(who, scope);
    }

    @Test
    void everyRegisteredRouteHasAMatrixEntry() {
        assertThat(new TreeSet<>(matrix().keySet())).isEqualTo(new TreeSet<>(server.routes()));
    }

    /**
     * The matrix expects what the route table declares ({@link RouteTableTest#table}): a role the table does not
     * allow gets 403 on every object, an allowed one does not on its own objects; a route the table calls open
     * answers without a token, every other one 401.
     */
    @Test
    void theMatrixAllowsTheRolesTheTableDeclares() {
        List<String> wrong = new ArrayList<>();
        Map<String, Cell> matrix = matrix();
        for (Route route : RouteTableTest.table(server.tracker())) {
            String key = route.key();
            Cell cell = matrix.get(key);
            if (cell == null) {
                wrong.add(key + ": in the table, not in the matrix");
                continue;
            }
            for (Role role : Role.values()) {
                Who who = Who.valueOf(role.name());
                for (Scope scope : Scope.values()) {
                    int want = expected(key, cell, who, scope);
                    if (!route.roles().contains(role) && want != 403) {
                        wrong.add(key + " as " + who + " on " + scope + ": the table does not allow " + role
                                + ", the matrix expects " + want);
                    }
                    if (route.roles().contains(role) && scope == Scope.IN && want == 403) {
                        wrong.add(key + " as " + who + " on " + scope + ": the table allows " + role
                                + ", the matrix expects 403");
                    }
                }
            }
            int anonymous = expected(key, cell, Who.NONE, Scope.IN);
            if (route.open() == (anonymous == 401)) {
                wrong.add(key + ": the table says " + (route.open() ? "open" : "a token is needed")
                        + ", the matrix expects " + anonymous + " without a token");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyCellAnswersItsExactStatusAndRefusalsChangeNothing() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, Cell> e : matrix().entrySet()) {
            for (Who who : Who.values()) {
                for (Scope scope : Scope.values()) {
                    cells++;
                    Req r = e.getValue().request().apply(scope);
                    Snapshot before = Snapshot.take();
                    boolean sup = e.getValue().sup();
                    Api api = sup ? new Api(supServer.port(), SUP_TOKENS.get(who))
                            : new Api(server.port(), TOKENS.get(who));
                    Api.Res res = api.send(r.method(), r.path(), r.body(), r.contentType(), r.headers());
                    int want = expected(e.getKey(), e.getValue(), who, scope);
                    String cell = e.getKey() + " as " + who + " on " + scope;
                    if (res.status() != want) {
                        wrong.add(cell + ": expected " + want + ", got " + res);
                        continue;
                    }
                    if (want >= 400) {
                        assertThat(res.header("Content-Type")).as(cell).startsWith("application/problem+json");
                        assertThat(res.json().get("status").asInt()).as(cell).isEqualTo(want);
                        if (want == 401) {
                            assertThat(res.header("WWW-Authenticate")).as(cell).startsWith("Bearer");
                        }
                        assertThat(Snapshot.take()).as("a refused request changes nothing: " + cell)
                                .isEqualTo(before);
                    }
                }
            }
        }
        assertThat(wrong).as("cells with another status").isEmpty();
        assertThat(cells).isEqualTo(matrix().size() * Who.values().length * Scope.values().length);
    }

    /**
     * What refused requests must leave alone: reports, plans and their versions, units, tokens, on both servers;
     * on the supervision server also every task's steps, reports, reviews, statuses set by hand, evidence files and
     * the plans' supervision settings.
     */
    record Snapshot(Part main, Part sup, String supervision) {
        static Snapshot take() {
            StringBuilder b = new StringBuilder();
            for (var pl : supServer.tracker().plans(Principal.system())) {
                b.append(pl.id()).append(':').append(supStore.supervisionSettings(pl.id()).orElse(null));
                supStore.taskRecords(pl.id()).forEach((task, r) -> b.append(' ').append(task).append('=')
                        .append(r.transitions().size()).append('/').append(r.reports().size()).append('/')
                        .append(r.reviews().size()).append('/').append(r.overrides().size()).append('/')
                        .append(supStore.evidenceFiles(pl.id(), task).size()));
                b.append('\n');
            }
            return new Snapshot(Part.take(server), Part.take(supServer), b.toString());
        }
    }

    /** One server's plans, reports, units and tokens. */
    record Part(long reports, String plans, int units, int tokens) {
        static Part take(PlantrackServer s) {
            var t = s.tracker();
            StringBuilder plans = new StringBuilder();
            t.plans(Principal.system()).forEach(pl -> plans.append(pl.id()).append('@').append(pl.version())
                    .append(pl.state()).append(' '));
            long reports = 0;
            for (var pl : t.plans(Principal.system())) {
                reports += t.countReports(Principal.system(), ReportQuery.plan(pl.id()));
            }
            return new Part(reports, plans.toString(), t.units(Principal.system()).size(),
                    t.tokens(Principal.system()).size());
        }
    }

    @Test
    void aRevokedTokenFailsAtOnce() {
        String bearer = Fixtures.token(server.tracker(), Role.VIEWER);
        Api viewer = admin.as(bearer);
        assertThat(viewer.get("/api/v1/plans").status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/tokens/" + bearer.substring(3, bearer.indexOf('.'))).status())
                .isEqualTo(200);
        assertThat(viewer.get("/api/v1/plans").status()).isEqualTo(401);
    }

    @Test
    void tokensAreStoredOnlyAsHashes() throws Exception {
        List<String> secrets = new ArrayList<>();
        for (String b : TOKENS.values()) {
            if (b != null && !b.startsWith("pt_nosuch")) {
                secrets.add(b.substring(b.indexOf('.') + 1));
            }
        }
        Supplier<String> dump = () -> {
            StringBuilder sb = new StringBuilder();
            try (Connection c = Fixtures.connect(DB);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT * FROM plantrack_token")) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        sb.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                    sb.append('\n');
                }
            } catch (java.sql.SQLException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return sb.toString();
        };
        String rows = dump.get();
        assertThat(rows).contains("SECRET_HASH=");
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(4);
        for (String s : secrets) {
            assertThat(rows).doesNotContain(s);
        }
        // the audit trail names token ids, never secrets
        String audit = admin.get("/api/v1/audit/export").text();
        for (String s : secrets) {
            assertThat(audit).doesNotContain(s);
        }
    }
}
