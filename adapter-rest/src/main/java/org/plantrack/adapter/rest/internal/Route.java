package org.plantrack.adapter.rest.internal;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.plantrack.core.access.Role;

/**
 * One route of the server and its documentation: {@link ApiRoutes} registers the handler in Javalin and
 * {@link OpenApi} writes the operation from the same value, so a route cannot exist without its description.
 *
 * <pre>{@code
 * Route.get(API + "/plans/{planId}").tag(Tag.PLANS).summary("Get a plan (ETag = its version)").anyToken()
 *         .param(Params.PLAN_ID).returns("PlanDto").handle(this::getPlan)
 * }</pre>
 *
 * <p>The roles are enforced as declared ({@link ApiRoutes#register}): a token of another role gets 403 before
 * the handler runs. What a route says is checked for completeness by a test (a summary, a tag, roles, every path
 * parameter described), not here: this record only refuses what it cannot hold.
 *
 * @param method        the HTTP method
 * @param path          the path in Javalin's syntax, e.g. {@code /api/v1/plans/{planId}}
 * @param tag           the group the operation is listed under
 * @param summary       what the operation does, for people
 * @param open          whether the route needs no token (outside {@code /api/v1}); then {@code roles} is every role
 * @param roles         the roles whose tokens may call it
 * @param params        its path, query and header parameters, in the order they are documented
 * @param requestSchema the schema of its JSON body (a record of {@code Dto}), or {@code null}
 * @param bodyMediaTypes the media types of a body that is not JSON (an uploaded document), or empty
 * @param responseSchema the schema of its JSON answer, or {@code null}
 * @param responseMediaType the media type of an answer that is not JSON (a rendered report), or {@code null}
 * @param status        the status of a successful answer
 * @param handler       what answers it
 */
public record Route(HandlerType method, String path, Tag tag, String summary, boolean open, Set<Role> roles,
        List<Param> params, String requestSchema, List<String> bodyMediaTypes, String responseSchema,
        String responseMediaType, int status, Handler handler) {

    /** Every role: a route any token may call. */
    public static final Set<Role> ANY_ROLE = Set.copyOf(EnumSet.allOf(Role.class));

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler of " + path);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/', found '" + path + "'");
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status of " + method + " " + path + ": expected 100..599, found "
                    + status);
        }
        roles = Set.copyOf(roles);
        params = List.copyOf(params);
        bodyMediaTypes = List.copyOf(bodyMediaTypes);
    }

    /** {@code METHOD path}, as {@code PlantrackServer.routes()} lists it. */
    public String key() {
        return method.name() + " " + path;
    }

    /** The roles in their declaration order ({@link Role#ADMIN} first), as {@link Access#require} takes them. */
    public Role[] roleArray() {
        return roles.stream().sorted().toArray(Role[]::new);
    }

    /** Starts a {@code GET} route. */
    public static Builder get(String path) {
        return new Builder(HandlerType.GET, path);
    }

    /** Starts a {@code POST} route. */
    public static Builder post(String path) {
        return new Builder(HandlerType.POST, path);
    }

    /** Starts a {@code PUT} route. */
    public static Builder put(String path) {
        return new Builder(HandlerType.PUT, path);
    }

    /** Starts a {@code DELETE} route. */
    public static Builder delete(String path) {
        return new Builder(HandlerType.DELETE, path);
    }

    /** The groups of operations in the OpenAPI document. */
    public enum Tag {
        HEALTH("Health"), PLANS("Plans"), STRUCTURE("Structure"), EVALUATION("Evaluation"), PROGRESS("Progress"),
        UNITS("Units"), AUDIT("Audit"), TOKENS("Tokens"), SUPERVISION("Supervision");

        private final String label;

        Tag(String label) {
            this.label = label;
        }

        /** The name in the document, e.g. {@code Plans}. */
        public String label() {
            return label;
        }
    }

    /** Where a parameter is sent. */
    public enum In {
        PATH, QUERY, HEADER;

        /** The name in the document: {@code path}, {@code query}, {@code header}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A documented parameter.
     *
     * @param name        its name, e.g. {@code planId} or {@code If-Match}
     * @param in          where it is sent
     * @param type        its JSON schema type: {@code string}, {@code integer}, {@code boolean}
     * @param required    whether a request must send it (path parameters always)
     * @param description what it means, for people
     */
    public record Param(String name, In in, String type, boolean required, String description) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(in, "in of " + name);
            Objects.requireNonNull(type, "type of " + name);
        }

        /** A path parameter (a string, always required). */
        public static Param path(String name, String description) {
            return new Param(name, In.PATH, "string", true, description);
        }

        /** An optional query parameter. */
        public static Param query(String name, String type, String description) {
            return new Param(name, In.QUERY, type, false, description);
        }

        /** A header (a string). */
        public static Param header(String name, boolean required, String description) {
            return new Param(name, In.HEADER, "string", required, description);
        }
    }

    /** Collects a route's description; {@link #handle} ends it. */
    public static final class Builder {
        private final HandlerType method;
        private final String path;
        private Tag tag;
        private String summary;
        private boolean open;
        private final Set<Role> roles = EnumSet.noneOf(Role.class);
        private final List<Param> params = new ArrayList<>();
        private String requestSchema;
        private final List<String> bodyMediaTypes = new ArrayList<>();
        private String responseSchema;
        private String responseMediaType;
        private int status = 200;

        private Builder(HandlerType method, String path) {
            this.method = method;
            this.path = path;
        }

        /** The group it is listed under. */
        public Builder tag(Tag tag) {
            this.tag = tag;
            return this;
        }

        /** What it does, for people. */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** Callable without a token (a route outside {@code /api/v1}). */
        public Builder open() {
            this.open = true;
            this.roles.addAll(ANY_ROLE);
            return this;
        }

        /** Callable with a token of any role. */
        public Builder anyToken() {
            this.roles.addAll(ANY_ROLE);
            return this;
        }

        /** Callable with a token of one of these roles; others get 403. */
        public Builder roles(Role... allowed) {
            this.roles.addAll(List.of(allowed));
            return this;
        }

        /** Documents parameters, in this order (after those documented before). */
        public Builder param(Param... more) {
            this.params.addAll(List.of(more));
            return this;
        }

        /** The JSON body, a schema of {@code Dto}. */
        public Builder body(String schema) {
            this.requestSchema = schema;
            return this;
        }

        /** A body that is not JSON, in one of these media types. */
        public Builder bodyAs(String... mediaTypes) {
            this.bodyMediaTypes.addAll(List.of(mediaTypes));
            return this;
        }

        /** The JSON answer, a schema of {@code Dto}. */
        public Builder returns(String schema) {
            this.responseSchema = schema;
            return this;
        }

        /** An answer that is not JSON, a string of this media type. */
        public Builder returnsText(String mediaType) {
            this.responseMediaType = mediaType;
            return this;
        }

        /** The status of a successful answer (default 200). */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** The route, answered by {@code handler}. */
        public Route handle(Handler handler) {
            return new Route(method, path, tag, summary, open, roles, params, requestSchema, bodyMediaTypes,
                    responseSchema, responseMediaType, status, handler);
        }
    }
}
