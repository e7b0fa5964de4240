package org.plantrack.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.plantrack.core.error.ValidationException;

/**
 * Signs and verifies deliveries as <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>
 * do: the {@code webhook-signature} header is {@code v1,} followed by the Base64 of
 * HMAC-SHA256 over {@code webhook-id + "." + webhook-timestamp + "." + body}, keyed with the bytes of
 * the secret ({@code whsec_} followed by their Base64). A receiver verifies with
 * {@link #verify} (or any Standard Webhooks library) and de-duplicates by {@code webhook-id}.
 */
public final class WebhookSignature {
    /** The prefix of every secret. */
    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new random secret: {@code whsec_} and the Base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The {@code webhook-signature} value for a message.
     *
     * @param secret    {@code whsec_...}
     * @param messageId the {@code webhook-id}
     * @param timestamp the {@code webhook-timestamp} (seconds since the epoch)
     * @param body      the request body, exactly as sent
     */
    public static String sign(String secret, String messageId, long timestamp, String body) {
        byte[] mac = hmac(key(secret), (messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac);
    }

    /**
     * Whether {@code signatureHeader} (one or more space-separated {@code v1,...} signatures) holds a
     * valid signature of the message. Compares in constant time. Checking that the timestamp is recent
     * (to refuse replays) is up to the receiver.
     */
    public static boolean verify(String secret, String messageId, String timestamp, String body,
            String signatureHeader) {
        if (signatureHeader == null || messageId == null || timestamp == null || body == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = sign(secret, messageId, ts, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatureHeader.trim().split(" +")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** The key bytes of a {@code whsec_} secret. */
    static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new ValidationException("webhook.secret", secret == null ? null : "(hidden)",
                    "a secret starting with " + SECRET_PREFIX);
        }
        try {
            return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("webhook.secret", "(hidden)", "Base64 after " + SECRET_PREFIX);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
