package org.plantrack.core;

import org.plantrack.core.error.ValidationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plantrack.core.access.Principal;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.ReportQuery;

/** Evidence is an absolute http(s) URL or a plain reference without a scheme; every other scheme is refused. */
class EvidenceLinkTest {
    private static final Principal ADMIN = Principal.admin("office-admin");
    private static final LocalDate JUNE = LocalDate.of(2017, 6, 30);

    private PlanTracker tracker;

    @BeforeEach
    void setUp() {
        tracker = PlanTracker.builder().store(InMemoryPlanStore.create())
                .clock(Clock.fixed(Instant.parse("2017-07-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"))).build();
        tracker.createPlan(ADMIN, PlanTrackerTest.nanping());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
            "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
            "file:///etc/passwd", "ftp://example.org/a.pdf", "mailto:office@example.org", "//evil.example/x",
            "\\\\server\\share\\a.pdf", "https:example.org", "http://", "https:///a.pdf", "minutes:2017"})
    void anotherSchemeOrAMalformedUrlIsRefusedNamingTheFieldAndValue(String link) {
        assertThatThrownBy(() -> tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", JUNE, 120)
                .withEvidence(List.of("https://example.org/ok.pdf", link))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("report.evidence[1]");
                    assertThat(e.value()).isEqualTo(link);
                    assertThat(e.getMessage()).contains("http:").contains("https:");
                });
        assertThat(tracker.countReports(ADMIN, ReportQuery.plan("np-2017"))).isZero();
    }

    @Test
    void theFirstLinkIsEvidenceZero() {
        assertThatThrownBy(() -> ReportRequest.set("np-2017", "2.4.3", JUNE, 1)
                .withEvidence(List.of("javascript:alert(document.cookie)")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("report.evidence[0]")
                .hasMessageContaining("'javascript:alert(document.cookie)'");
    }

    @Test
    void aBatchNamesTheReportAndTheLink() {
        List<ReportRequest> batch = List.of(ReportRequest.set("np-2017", "2.4.3", JUNE, 1),
                ReportRequest.set("np-2017", "2.4.1", JUNE, 1));
        assertThat(tracker.reportAll(ADMIN, batch)).hasSize(2);
        assertThatThrownBy(() -> ReportRequest.set("np-2017", "2.4.1", JUNE, 2).withEvidence(List.of("data:,x")))
                .hasMessageContaining("report.evidence[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/minutes/2017-06.pdf", "HTTP://EXAMPLE.ORG/A", "http://10.0.0.5:8080/a?b=c#d",
            "https://例子.中国/纪要.pdf", "南科协〔2017〕12号 会议纪要", "档案 2017-06 第3卷", "minutes 2017-06.pdf"})
    void httpAndHttpsUrlsAndPlainReferencesAreKept(String link) {
        var r = tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", JUNE, 120).withEvidence(List.of(link)));
        assertThat(r.evidence()).containsExactly(link);
    }
}
