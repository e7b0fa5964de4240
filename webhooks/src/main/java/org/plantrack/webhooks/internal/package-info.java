/**
 * The webhooks' machinery, not API: the store extension and its write hook, the outbox (its rows, claims and
 * purge), the payloads (written with core's one JSON writer) and the HTTP sender. It does not import the API
 * package {@code org.plantrack.webhooks}.
 */
package org.plantrack.webhooks.internal;
