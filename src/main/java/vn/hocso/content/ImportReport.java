package vn.hocso.content;

import java.util.List;

/** What one import run did to each course folder. */
public record ImportReport(List<CourseOutcome> courses) {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REJECTED
    }

    /** One folder's result; problems are empty unless it was rejected. */
    public record CourseOutcome(String folder, String slug, Outcome outcome, List<ImportProblem> problems) {}

    public int count(Outcome outcome) {
        return (int) courses.stream().filter(c -> c.outcome() == outcome).count();
    }

    public List<ImportProblem> problems() {
        return courses.stream().flatMap(c -> c.problems().stream()).toList();
    }
}
