package org.plantrack.adapter.cli;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.plantrack.core.error.ValidationException;
import org.plantrack.webhooks.WebhookDelivery;
import org.plantrack.webhooks.WebhookEvents;
import org.plantrack.webhooks.WebhookSubscription;
import org.plantrack.webhooks.Webhooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plantrack webhook add|list|remove|deliveries|redeliver|purge}: webhook subscriptions and their
 * deliveries, stored in the database so that every server on it sends them.
 */
@Command(name = "webhook", mixinStandardHelpOptions = true,
        description = "Webhooks: subscriptions, deliveries, dead letters.",
        subcommands = {WebhookCommand.Add.class, WebhookCommand.ListWebhooks.class, WebhookCommand.Remove.class,
            WebhookCommand.Deliveries.class, WebhookCommand.Redeliver.class, WebhookCommand.Purge.class})
final class WebhookCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: add, list, remove, deliveries, redeliver or purge");
    }

    /** Webhook administration on the command's store, which must be a database. */
    static Webhooks webhooks(Base command) {
        return Webhooks.of(command.root().store(command.readsOnly()), command.root().env().clock()).orElseThrow(() ->
                new ValidationException("db", "mem",
                        "a database store (an H2 file or PostgreSQL): webhooks are kept in the database"));
    }

    /** {@code plantrack webhook add URL}. */
    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Add a subscription; its signing secret is printed once.")
    static final class Add extends Base implements Callable<Integer> {
        @Parameters(paramLabel = "URL", description = "Where events are posted (http:// or https://).")
        String url;

        @Option(names = "--events", paramLabel = "TYPE", split = ",", arity = "1..*",
                description = "Event types (default: all): plan.imported, plan.created, plan.updated, plan.archived, "
                        + "report.recorded, report.corrected, unit.saved, status.changed; the task events of the "
                        + "supervision cycle one by one (task.assigned, task.reported, task.report-approved…, see "
                        + "docs/webhooks.md) or all of them as task.*.")
        List<String> events = new ArrayList<>();

        @Option(names = "--format", paramLabel = "table|json", description = "Output format (default: table).")
        Format format = Format.table;

        @Override
        public Integer call() {
            WebhookSubscription s = webhooks(this).add(root().who().id(), Webhooks.url(url), events);
            if (format == Format.json) {
                Map<String, Object> m = shape(s);
                m.put("secret", s.secret());
                out().print(JsonOutput.write(m));
                return ExitCode.OK;
            }
            out().println("Added webhook " + s.id() + " → " + s.url() + " (events: " + events(s) + ").");
            out().println("Signing secret (shown only now): " + s.secret());
            return ExitCode.OK;
        }
    }

    /** {@code plantrack webhook list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List subscriptions (never their secrets).")
    static final class ListWebhooks extends Base implements Callable<Integer> {
        @Option(names = "--all", description = "Include removed subscriptions.")
        boolean all;

        @Option(names = "--format", paramLabel = "table|json|csv", description = "Output format (default: table).")
        Format format = Format.table;

        @Override
        public Integer call() {
            List<WebhookSubscription> subs = webhooks(this).list().stream().filter(s -> all || s.active())
                    .collect(Collectors.toList());
            list(format, subs, ss -> ss.stream().map(WebhookCommand::shape).collect(Collectors.toList()),
                    List.of("id", "url", "events", "active", "created_at", "created_by"),
                    s -> List.of(s.id(), s.url(), events(s), s.active(), s.createdAt(), s.createdBy()),
                    new Table("ID", "URL", "EVENTS", "ACTIVE", "CREATED AT", "BY"));
            return ExitCode.OK;
        }
    }

    /** {@code plantrack webhook remove ID}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a subscription: no new events; its undelivered events are cancelled.")
    static final class Remove extends Base implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The webhook id (see 'plantrack webhook list').")
        String id;

        @Override
        public Integer call() {
            WebhookSubscription s = webhooks(this).remove(root().who().id(), id);
            out().println("Removed webhook " + s.id() + " (" + s.url() + ").");
            return ExitCode.OK;
        }
    }

    /** {@code plantrack webhook deliveries}. */
    @Command(name = "deliveries", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Deliveries, newest first: state, attempts, last answer or error.")
    static final class Deliveries extends Base implements Callable<Integer> {
        @Option(names = "--failed", description = "Only dead letters and deliveries whose last attempt failed.")
        boolean failed;

        @Option(names = "--limit", paramLabel = "N", description = "At most N (default 50).")
        int limit = 50;

        @Option(names = "--format", paramLabel = "table|json|csv", description = "Output format (default: table).")
        Format format = Format.table;

        @Override
        public Integer call() {
            List<WebhookDelivery> ds = webhooks(this).deliveries(failed, limit);
            list(format, ds, xs -> xs.stream().map(WebhookCommand::shape).collect(Collectors.toList()),
                    List.of("id", "webhook", "event", "plan", "state", "attempts", "next_attempt", "last_status",
                            "last_error", "message_id"),
                    d -> List.of(d.id(), d.webhookId(), d.eventType(), d.planId() == null ? "" : d.planId(),
                            d.state(), d.attempts(), d.state() == WebhookDelivery.State.PENDING
                                    ? d.nextAttempt() : "", d.lastStatus() == null ? "" : d.lastStatus(),
                            d.lastError() == null ? "" : d.lastError(), d.messageId()),
                    new Table("ID", "WEBHOOK", "EVENT", "PLAN", "STATE", "ATTEMPTS", "NEXT ATTEMPT", "STATUS",
                            "LAST ERROR", "WEBHOOK-ID").right(0).right(5).maxWidth(8, 60));
            return ExitCode.OK;
        }
    }

    /** {@code plantrack webhook redeliver ID}. */
    @Command(name = "redeliver", mixinStandardHelpOptions = true,
            description = "Send a dead (or cancelled) delivery again, with the same webhook-id.")
    static final class Redeliver extends Base implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The delivery id (see 'plantrack webhook deliveries --failed').")
        long id;

        @Override
        public Integer call() {
            WebhookDelivery d = webhooks(this).redeliver(root().who().id(), id);
            out().println("Delivery " + d.id() + " (" + d.eventType() + " to " + d.webhookId()
                    + ") is pending again; a running dispatcher sends it within its poll interval.");
            return ExitCode.OK;
        }
    }

    /** {@code plantrack webhook purge --before DATE [--dead]}. */
    @Command(name = "purge", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Remove finished deliveries from the outbox: delivered ones, and dead letters with --dead.")
    static final class Purge extends Base implements Callable<Integer> {
        @Option(names = "--before", required = true, paramLabel = "DATE",
                description = "Remove deliveries finished before the start of this day (local time), "
                        + "e.g. 2017-12-31; not after today.")
        LocalDate before;

        @Option(names = "--dead", description = "Remove dead letters too (they can then no longer be redelivered).")
        boolean dead;

        @Option(names = "--format", paramLabel = "table|json", description = "Output format (default: table).")
        Format format = Format.table;

        @Override
        public Integer call() {
            java.time.Clock clock = root().env().clock();
            LocalDate today = LocalDate.now(clock);
            if (before.isAfter(today)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option "
                        + "'--before': a date not after today (" + today + "), found '" + before + "'");
            }
            OffsetDateTime cutoff = before.atStartOfDay(clock.getZone()).toOffsetDateTime();
            Map<WebhookDelivery.State, Long> removed = webhooks(this).purge(root().who().id(), cutoff.toInstant(),
                    dead);
            long delivered = removed.get(WebhookDelivery.State.DELIVERED);
            long deadLetters = removed.get(WebhookDelivery.State.DEAD);
            if (format == Format.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("before", cutoff.toString());
                m.put("includeDead", dead);
                m.put("delivered", delivered);
                m.put("dead", deadLetters);
                out().print(JsonOutput.write(m));
                return ExitCode.OK;
            }
            out().println("Purged the outbox of what finished before " + cutoff + ": " + delivered + " delivered"
                    + (dead ? ", " + deadLetters + " dead." : " (dead letters kept; --dead removes them)."));
            return ExitCode.OK;
        }
    }

    static String events(WebhookSubscription s) {
        return s.eventTypes().contains(WebhookEvents.ALL) ? "all" : String.join(",", new TreeSet<>(s.eventTypes()));
    }

    static Map<String, Object> shape(WebhookSubscription s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("url", s.url().toString());
        m.put("events", new ArrayList<>(new TreeSet<>(s.eventTypes())));
        m.put("active", s.active());
        m.put("createdAt", s.createdAt().toString());
        m.put("createdBy", s.createdBy());
        return m;
    }

    static Map<String, Object> shape(WebhookDelivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("messageId", d.messageId());
        m.put("webhookId", d.webhookId());
        m.put("event", d.eventType());
        m.put("planId", d.planId());
        m.put("state", d.state().name());
        m.put("attempts", d.attempts());
        m.put("nextAttempt", d.state() == WebhookDelivery.State.PENDING ? d.nextAttempt().toString() : null);
        m.put("lastAttempt", d.lastAttempt() == null ? null : d.lastAttempt().toString());
        m.put("lastStatus", d.lastStatus());
        m.put("lastError", d.lastError());
        m.put("deliveredAt", d.deliveredAt() == null ? null : d.deliveredAt().toString());
        return m;
    }
}
