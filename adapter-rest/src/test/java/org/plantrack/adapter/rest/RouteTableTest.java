package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantrack.adapter.rest.internal.ApiRoutes;
import org.plantrack.adapter.rest.internal.Route;
import org.plantrack.adapter.rest.internal.ServerModule;
import org.plantrack.adapter.rest.internal.dto.Dto;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.model.Unit;

/**
 * The route table says everything the OpenAPI document needs (a tag, a summary, the roles, every path
 * parameter described), names schemas that exist, is what the server registers, and its roles are what the
 * server enforces: a role a route does not declare gets 403 before anything else of the request is read.
 */
class RouteTableTest {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> TYPES = Set.of("string", "integer", "boolean");

    static PlantrackServer server;
    static List<Route> table;

    @BeforeAll
    static void start() {
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(Fixtures.h2("RouteTableTest")).demo(false).build());
        server.tracker().saveUnit(Principal.system(), new Unit("u-a", "单位甲", null));
        table = table(server.tracker());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The table a server on {@code tracker} serves, built by the same wiring. */
    static List<Route> table(PlanTracker tracker) {
        ServerConfig config = ServerConfig.builder().db("mem").build();
        return Guice.createInjector(new ServerModule(config), new com.google.inject.AbstractModule() {
            @Override
            protected void configure() {
                bind(PlanTracker.class).toInstance(tracker);
            }
        }).getInstance(ApiRoutes.class).table();
    }

    @Test
    void everyRouteIsDescribed() {
        List<String> wrong = new ArrayList<>();
        Set<String> schemas = Arrays.stream(Dto.class.getDeclaredClasses()).filter(Class::isRecord)
                .map(Class::getSimpleName).collect(Collectors.toSet());
        for (Route r : table) {
            String key = r.key();
            if (r.tag() == null) {
                wrong.add(key + ": no tag");
            }
            if (r.summary() == null || r.summary().isBlank()) {
                wrong.add(key + ": no summary");
            }
            if (r.roles().isEmpty()) {
                wrong.add(key + ": no role may call it");
            }
            boolean api = r.path().startsWith(ApiRoutes.API + "/");
            if (r.open() == api) {
                wrong.add(key + ": " + (api ? "under " + ApiRoutes.API + " (a token is checked) but open"
                        : "outside " + ApiRoutes.API + " (no token is checked) but not open"));
            }
            if (r.open() && !r.roles().equals(EnumSet.allOf(Role.class))) {
                wrong.add(key + ": open, yet only for " + r.roles());
            }
            List<String> inPath = new ArrayList<>();
            Matcher m = PATH_PARAM.matcher(r.path());
            while (m.find()) {
                inPath.add(m.group(1));
            }
            Set<String> seen = new HashSet<>();
            for (Route.Param p : r.params()) {
                if (!seen.add(p.in() + " " + p.name())) {
                    wrong.add(key + ": " + p.in() + " parameter " + p.name() + " documented twice");
                }
                if (p.description() == null || p.description().isBlank()) {
                    wrong.add(key + ": " + p.in() + " parameter " + p.name() + " has no description");
                }
                if (!TYPES.contains(p.type())) {
                    wrong.add(key + ": parameter " + p.name() + " has type '" + p.type() + "', expected one of "
                            + TYPES);
                }
                if (p.in() == Route.In.PATH && !inPath.contains(p.name())) {
                    wrong.add(key + ": path parameter " + p.name() + " is documented but not in the path");
                }
            }
            for (String name : inPath) {
                if (!seen.contains(Route.In.PATH + " " + name)) {
                    wrong.add(key + ": path parameter {" + name + "} is not documented");
                }
            }
            if (r.requestSchema() != null && !schemas.contains(r.requestSchema())) {
                wrong.add(key + ": request schema " + r.requestSchema() + " is no record of Dto");
            }
            if (r.responseSchema() != null && !schemas.contains(r.responseSchema())) {
                wrong.add(key + ": response schema " + r.responseSchema() + " is no record of Dto");
            }
            if (r.requestSchema() != null && !r.bodyMediaTypes().isEmpty()) {
                wrong.add(key + ": both a JSON body and a body of " + r.bodyMediaTypes());
            }
            if (r.responseSchema() != null && r.responseMediaType() != null) {
                wrong.add(key + ": answers both JSON and " + r.responseMediaType());
            }
        }
        assertThat(wrong).as("routes the table does not describe completely").isEmpty();
    }

    @Test
    void theServerRegistersExactlyTheTable() {
        List<String> keys = table.stream().map(Route::key).toList();
        assertThat(new HashSet<>(keys)).as("a route listed twice").hasSameSizeAs(keys);
        Set<String> registered = new TreeSet<>(server.routes());
        registered.removeAll(OpenApiTest.NOT_DOCUMENTED);
        assertThat(new TreeSet<>(keys)).isEqualTo(registered);
    }

    @Test
    void aRoleTheTableDoesNotDeclareGets403NamingTheDeclaredOnes() {
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (Role role : Role.values()) {
            String bearer = role == Role.REPORTER ? Fixtures.token(server.tracker(), role, "u-a")
                    : Fixtures.token(server.tracker(), role);
            Api api = new Api(server.port(), bearer);
            for (Route r : table) {
                if (r.roles().contains(role)) {
                    continue;
                }
                refused++;
                // any value for the path's ids and no body: the role is checked first
                String path = PATH_PARAM.matcher(r.path()).replaceAll("x");
                Api.Res res = api.send(r.method().name(), path, null, null);
                String want = "may not " + r.method().name() + " " + path + "; it needs one of the roles "
                        + Arrays.toString(r.roles().stream().sorted().toArray());
                if (res.status() != 403 || !res.json().get("detail").asText().contains(want)) {
                    wrong.add(r.key() + " as " + role + ": expected 403 '" + want + "', got " + res);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(refused).as("refusals checked").isGreaterThan(20);
    }
}
