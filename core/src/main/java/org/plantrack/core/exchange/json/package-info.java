/**
 * Core's one JSON reader and writer ({@code Json}), small and strict, so that core needs no JSON library.
 * Not API: the package is exported only to named Plantrack modules, if at all (see {@code module-info}).
 *
 * <p>It imports only {@code base} and {@code error}: no model type, no format of its own. What a document
 * holds (the plan format, an adapter's answer) is decided by its caller.
 */
package org.plantrack.core.exchange.json;
