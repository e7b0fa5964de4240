package org.plantrack.core.model;

/**
 * The sentence of the document a target was read from, so that a person can check the target against
 * the text: the sentence (or clause) of its task's text that holds the target's description.
 *
 * @param targetId   the target
 * @param taskId     its task
 * @param taskTitle  the task's title
 * @param span       where the importer found the target, or {@code null}
 * @param sentence   the sentence; the description itself when the text does not hold it word for word
 * @param matchStart where the description starts in {@code sentence}
 * @param matchEnd   where it ends (exclusive)
 */
public record TargetSource(String targetId, String taskId, String taskTitle, SourceSpan span, String sentence,
        int matchStart, int matchEnd) {
    /** Characters that end a sentence or clause of a 工作要点 paragraph. */
    private static final String SENTENCE_ENDS = "。！？；!?;\n";

    /**
     * The sentence of {@code task}'s text holding {@code target}'s description.
     *
     * @param task   the task
     * @param target one of its targets
     * @return the sentence, with the description's place in it
     */
    public static TargetSource of(Task task, Target target) {
        String body = task.body() == null ? "" : task.body();
        String desc = target.description();
        int at = body.indexOf(desc);
        if (at < 0) {
            return new TargetSource(target.id(), task.id(), task.title(), target.source(), desc, 0, desc.length());
        }
        int from = at;
        while (from > 0 && SENTENCE_ENDS.indexOf(body.charAt(from - 1)) < 0) {
            from--;
        }
        int to = at + desc.length();
        while (to < body.length() && SENTENCE_ENDS.indexOf(body.charAt(to)) < 0) {
            to++;
        }
        if (to < body.length() && body.charAt(to) != '\n') {
            to++; // keep the sentence's own full stop
        }
        String sentence = body.substring(from, to).strip();
        int lead = body.substring(from, to).indexOf(sentence);
        int start = at - from - lead;
        return new TargetSource(target.id(), task.id(), task.title(), target.source(), sentence, start,
                start + desc.length());
    }
}
