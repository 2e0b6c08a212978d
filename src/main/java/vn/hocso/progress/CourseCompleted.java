package vn.hocso.progress;

import java.time.OffsetDateTime;

/**
 * Fired once, inside the transaction that completed the course, to whoever reacts to completions (certificates).
 * Observers run in that transaction, so what they record commits or rolls back with the completion.
 */
public record CourseCompleted(long personId, long courseId, OffsetDateTime completedAt) {}
