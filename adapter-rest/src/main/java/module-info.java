/**
 * Plantrack REST server: the HTTP API under {@code /api/v1}, its OpenAPI document and Swagger UI, the web
 * dashboard at {@code /}, and the {@code serve} main class {@link org.plantrack.adapter.rest.PlantrackServer}.
 */
module org.plantrack.adapter.rest {
    requires org.plantrack.core;
    requires org.plantrack.persistence.jdbc;
    requires org.plantrack.webhooks;
    requires org.plantrack.wiring;
    requires io.javalin;
    // Jetty's own error answers (e.g. 431) are written as problems too (internal.JettyProblems).
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.util;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.google.guice;
    requires jakarta.inject;
    // Guice is an automatic module and cannot declare what it needs at run time; without these,
    // 'java -p ... -m org.plantrack.adapter.rest/...' fails with NoClassDefFoundError.
    requires com.google.common;
    requires aopalliance;
    requires failureaccess;
    requires org.slf4j;
    // Swagger UI's files (META-INF/resources/webjars/swagger-ui/...) are served from this jar.
    requires swagger.ui;
    // The dashboard's charts: ECharts' files (META-INF/resources/webjars/echarts/...) are served from this jar.
    requires echarts;

    exports org.plantrack.adapter.rest;

    // Guice builds the handlers by reflection.
    opens org.plantrack.adapter.rest.internal to com.google.guice;
    opens org.plantrack.adapter.rest.internal.routes to com.google.guice;
    // Jackson reads and writes the JSON shapes (records) of the API.
    opens org.plantrack.adapter.rest.internal.dto to com.fasterxml.jackson.databind;
}
