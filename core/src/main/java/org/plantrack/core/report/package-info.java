/**
 * Report renderers shared by every adapter, so the CLI and the server print the same thing:
 * status reports in Markdown, HTML and CSV ({@link org.plantrack.core.report.Reports}) and the
 * draft year-end summary (年度工作总结).
 */
package org.plantrack.core.report;
