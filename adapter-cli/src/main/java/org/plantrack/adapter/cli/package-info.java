/**
 * The {@code plantrack} command line: one picocli command class per command ({@code ImportCommand},
 * {@code StatusCommand}, {@code ProgressCommand}…) over {@code Base} (the tracker, the output, the formats), the
 * tracker built through the composition root ({@code Trackers}, {@code org.plantrack.wiring}), and the terminal's
 * helpers (tables, display width, colours, the progress bar). Entry point: {@link org.plantrack.adapter.cli.Main}.
 *
 * <p>Only translation lives here: arguments to {@link org.plantrack.core.PlanTracker} calls and their answers to
 * tables, JSON or CSV. No rule, default or check that the REST API would then lack: those belong to the facade.
 */
package org.plantrack.adapter.cli;
