package org.plantrack.adapter.rest.internal.routes;

import static org.plantrack.adapter.rest.internal.ApiRoutes.API;
import static org.plantrack.adapter.rest.internal.routes.Params.LIMIT;
import static org.plantrack.adapter.rest.internal.routes.Params.OFFSET;
import static org.plantrack.adapter.rest.internal.routes.Params.TOKEN_ID;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.plantrack.adapter.rest.internal.Access;
import org.plantrack.adapter.rest.internal.Mapping;
import org.plantrack.adapter.rest.internal.Route;
import org.plantrack.adapter.rest.internal.Route.Tag;
import org.plantrack.adapter.rest.internal.dto.Dto.MeDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TokenInput;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.IssuedToken;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.error.ValidationException;

/** The token of the request ({@code /me}) and the access tokens admins issue and revoke. */
@Singleton
public final class TokenRoutes {
    private final PlanTracker tracker;
    private final RouteSupport support;

    @Inject
    public TokenRoutes(PlanTracker tracker, RouteSupport support) {
        this.tracker = tracker;
        this.support = support;
    }

    /** The routes. */
    public List<Route> routes() {
        String tokens = API + "/tokens";
        return List.of(
                Route.get(tokens).tag(Tag.TOKENS).summary("List access tokens, without secrets (admin)")
                        .roles(Role.ADMIN).param(LIMIT, OFFSET).returns("Page").handle(this::listTokens),
                Route.post(tokens).tag(Tag.TOKENS)
                        .summary("Create an access token; the bearer is shown only now (admin)").roles(Role.ADMIN)
                        .body("TokenInput").returns("TokenDto").status(201).handle(this::createToken),
                Route.get(API + "/me").tag(Tag.TOKENS).summary("The token of this request: its id, role and units")
                        .anyToken().returns("MeDto").handle(this::me),
                Route.delete(tokens + "/{tokenId}").tag(Tag.TOKENS).summary("Revoke an access token (admin)")
                        .roles(Role.ADMIN).param(TOKEN_ID).returns("TokenDto").handle(this::revokeToken));
    }

    void me(Context ctx) {
        Principal who = Access.principal(ctx);
        support.write(ctx, 200, new MeDto(who.id(), who.role().name(), who.unitIds().stream().sorted().toList()));
    }

    void listTokens(Context ctx) {
        Principal who = Access.principal(ctx);
        support.write(ctx, 200, RouteSupport.page(tracker.tokens(who), support.page(ctx),
                t -> Mapping.token(t, null)));
    }

    void createToken(Context ctx) {
        Principal who = Access.principal(ctx);
        TokenInput in = support.readJson(ctx, TokenInput.class, "a token request");
        if (in.role() == null) {
            throw new ValidationException("token.role", null, "one of [ADMIN, REPORTER, VIEWER]");
        }
        Role role = Mapping.parse(Role.class, "token.role", in.role());
        IssuedToken t = tracker.createToken(who, role, in.units() == null ? Set.of() : Set.copyOf(in.units()),
                in.label(), Mapping.expiry(in.expiresAt()));
        ctx.header("Location", API + "/tokens/" + t.token().id());
        noStore(ctx);
        support.write(ctx, 201, Mapping.token(t.token(), t.bearer()));
    }

    void revokeToken(Context ctx) {
        Principal who = Access.principal(ctx);
        support.write(ctx, 200, Mapping.token(tracker.revokeToken(who, ctx.pathParam("tokenId")), null));
    }

    /**
     * Marks an answer that carries a secret (a new bearer) as not to be stored by any cache, the browser's
     * included (RFC 9111 {@code no-store}; {@code Pragma} for HTTP/1.0 caches).
     */
    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
    }
}
