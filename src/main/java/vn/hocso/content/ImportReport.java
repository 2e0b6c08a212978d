package vn.hocso.content;

import java.util.List;

/** What one import run did to each course folder. */
public record ImportReport(List<CourseOutcome> courses) {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REJECTED,
        /**
         * The courses folder was not written over a course whose current version was made in the browser (or came
         * from a zip) since its last import from the folder; its one problem says so.
         */
        KEPT
    }

    /** One folder's result; problems are empty unless it was rejected or kept. */
    public record CourseOutcome(String folder, String slug, Outcome outcome, List<ImportProblem> problems) {}

    public int count(Outcome outcome) {
        return (int) courses.stream().filter(c -> c.outcome() == outcome).count();
    }

    public List<ImportProblem> problems() {
        return courses.stream().flatMap(c -> c.problems().stream()).toList();
    }
}
