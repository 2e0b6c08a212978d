package vn.hocso.content;

/**
 * Where a check reports what is wrong with one value. The folder reader binds it to a file and line; an authoring
 * form could bind it to a form field, so the checks in {@link Fields} never need to know where a value came from.
 */
@FunctionalInterface
interface ProblemSink {

    void problem(String message);
}
