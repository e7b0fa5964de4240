package org.plantrack.adapter.rest.internal.routes;

import org.plantrack.adapter.rest.internal.Route.Param;

/** The parameters several resources document alike: the ids in paths, the date and preset, paging, If-Match. */
final class Params {
    static final Param PLAN_ID = Param.path("planId", "the plan's id");
    static final Param SECTION_ID = Param.path("sectionId", "the section's id within the plan, e.g. 1");
    static final Param TASK_ID = Param.path("taskId", "the task's id within the plan, e.g. 1.1");
    static final Param TARGET_ID = Param.path("targetId", "the target's id within the plan, e.g. 1.1.1");
    static final Param REPORT_ID = Param.path("reportId", "the progress report's id");
    static final Param UNIT_ID = Param.path("unitId", "the unit's id");
    static final Param TOKEN_ID = Param.path("tokenId", "the token's id (in a bearer pt_<id>.<secret>, the part "
            + "between pt_ and the dot)");

    static final Param AS_OF = Param.query("asOf", "string",
            "the date YYYY-MM-DD (default: today, within the plan's period)");
    static final Param PRESET = Param.query("preset", "string", "'default' or 'cn-supervision' (default: the plan's)");

    static final Param LIMIT = Param.query("limit", "integer",
            "page size (default 100, at most the server's maximum, 500 by default)");
    static final Param OFFSET = Param.query("offset", "integer", "items to skip");

    static final Param IF_MATCH = Param.header("If-Match", true, "the plan's ETag, e.g. \"3\", a list of them, or * "
            + "(RFC 9110 strong comparison: a weak tag W/\"3\" never matches); 428 when missing, 412 when stale, 400 "
            + "when not an entity-tag");

    private Params() {
    }
}
