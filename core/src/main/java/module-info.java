/**
 * Plantrack core: domain, rule evaluation, importers, reports, the store SPI with an in-memory
 * store, and the {@link org.plantrack.core.PlanTracker} facade. Depends on slf4j-api only.
 */
module org.plantrack.core {
    requires org.slf4j;
    requires java.xml;

    exports org.plantrack.core;
    exports org.plantrack.core.error;
    exports org.plantrack.core.model;
    exports org.plantrack.core.evaluation;
    exports org.plantrack.core.engine;
    exports org.plantrack.core.spi;
    exports org.plantrack.core.store;
    exports org.plantrack.core.importing;
    exports org.plantrack.core.access;
    exports org.plantrack.core.report;
    exports org.plantrack.core.event;
    exports org.plantrack.core.exchange;
    exports org.plantrack.core.supervision;
    // the one small JSON reader and writer, shared with the modules that write JSON without Jackson
    exports org.plantrack.core.exchange.json to org.plantrack.webhooks;

    uses org.plantrack.core.spi.RuleProvider;
    uses org.plantrack.core.spi.PlanListener;
    // importers of binary formats (Word, PDF), e.g. the formats-office module's
    uses org.plantrack.core.importing.PlanImporter;
    // renderers of report formats beyond md/html/csv (the formats-office module's xlsx)
    uses org.plantrack.core.spi.ReportRenderer;

    provides org.plantrack.core.spi.RuleProvider with org.plantrack.core.engine.rules.BuiltInRules;
}
