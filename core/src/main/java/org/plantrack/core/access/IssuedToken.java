package org.plantrack.core.access;

/**
 * A newly created token with its bearer string. The bearer string is shown only here; Plantrack
 * keeps only its hash.
 *
 * @param token  the stored token
 * @param bearer the string to send as {@code Authorization: Bearer <bearer>}
 */
public record IssuedToken(AccessToken token, String bearer) {
    @Override
    public String toString() {
        return "IssuedToken[" + token.id() + ", bearer=***]";
    }
}
