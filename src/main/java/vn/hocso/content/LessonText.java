package vn.hocso.content;

import java.util.Map;

/** A text lesson's Markdown file as the editor changes it: front matter (title, minutes) and the Markdown body. */
final class LessonText {

    public String titleVi;
    public String titleEn;
    public Integer minutes;
    public String body = "";

    /** Reads a lesson file the importer accepted or the editor wrote (see {@link TextLessonFile} for the rules). */
    static LessonText parse(String file) {
        LessonText t = new LessonText();
        String text = file.replace("\r\n", "\n");
        int end = text.startsWith("---\n") ? text.indexOf("\n---", 3) : -1;
        if (end < 0) {
            t.body = text;
            return t;
        }
        Map<String, Object> front = CourseYaml.map(CourseYaml.load(text.substring(4, end + 1)));
        t.titleVi = CourseYaml.lang(front.get("title"), "vi");
        t.titleEn = CourseYaml.lang(front.get("title"), "en");
        t.minutes = front.get("minutes") instanceof Number n ? n.intValue() : null;
        int bodyStart = text.indexOf('\n', end + 1);
        t.body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        return t;
    }

    String write() {
        StringBuilder y = new StringBuilder("---\ntitle:\n");
        CourseYaml.langs(y, "  ", titleVi, titleEn);
        if (minutes != null) {
            y.append("minutes: ").append(minutes).append('\n');
        }
        y.append("---\n").append(body.replace("\r\n", "\n"));
        if (!body.isEmpty() && !body.endsWith("\n")) {
            y.append('\n');
        }
        return y.toString();
    }
}
