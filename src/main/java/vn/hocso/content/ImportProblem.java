package vn.hocso.content;

/** One thing wrong with a course folder, where it is: file relative to the courses folder, 1-based line. */
public record ImportProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
