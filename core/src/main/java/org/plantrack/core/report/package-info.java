/**
 * Report renderers shared by every adapter, so the CLI and the server print the same thing:
 * status reports in Markdown, HTML and CSV ({@link org.plantrack.core.report.Reports}) and the
 * draft year-end summary (年度工作总结).
 *
 * <p>Rendering only: a renderer takes evaluations and the model and returns text. It does not evaluate,
 * read a store or check access, and imports neither the facade nor an adapter.
 */
package org.plantrack.core.report;
