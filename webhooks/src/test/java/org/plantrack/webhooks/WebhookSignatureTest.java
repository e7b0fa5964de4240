package org.plantrack.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.ValidationException;

/** Signatures as Standard Webhooks define them, and the event-type filter. */
class WebhookSignatureTest {
    // The test vector published with the Standard Webhooks reference libraries.
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TS = 1614265330L;
    static final String BODY = "{\"test\": 2432232314}";
    static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsLikeTheReferenceImplementations() {
        assertThat(WebhookSignature.sign(SECRET, ID, TS, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void verifiesAnyOfSeveralSignaturesAndRejectsTampering() {
        assertThat(WebhookSignature.verify(SECRET, ID, Long.toString(TS), BODY, "v1,bm9wZQ== " + EXPECTED)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, Long.toString(TS), BODY + " ", EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, Long.toString(TS + 1), BODY, EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "msg_other", Long.toString(TS), BODY, EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, "soon", BODY, EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, Long.toString(TS), BODY, null)).isFalse();
    }

    @Test
    void newSecretsAreRandomWhsecBase64Of32Bytes() {
        String a = WebhookSignature.newSecret();
        assertThat(a).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
        assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(32);
        assertThatThrownBy(() -> WebhookSignature.sign("secret", ID, TS, BODY)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("a secret starting with whsec_");
    }

    @Test
    void filtersAcceptKnownTypesCommaOrSpaceSeparatedAndStarForAll() {
        assertThat(WebhookEvents.filter(List.of("report.recorded, status.changed")))
                .containsExactlyInAnyOrder("report.recorded", "status.changed");
        assertThat(WebhookEvents.filter(List.of())).containsExactly("*");
        assertThat(WebhookEvents.filter(List.of("plan.created", "*"))).containsExactly("*");
        assertThatThrownBy(() -> WebhookEvents.filter(List.of("report.added"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("report.added").hasMessageContaining("report.recorded");
        assertThatThrownBy(() -> Webhooks.url("ftp://example.org/x")).hasMessageContaining("an absolute http:// or https:// URL");
        assertThatThrownBy(() -> Webhooks.url("/relative")).hasMessageContaining("an absolute http:// or https:// URL");
    }
}
