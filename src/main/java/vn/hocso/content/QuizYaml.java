package vn.hocso.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A quiz file as the question bank editor changes it: settings and questions with their Markdown as typed, written
 * back in the format of courses/README.md. Whether it is valid is decided by {@link QuizFile} and
 * {@link QuizSettings}, the importer's own checks.
 */
final class QuizYaml {

    /** Settings as typed (null: the format's default); {@code draw} a number, or per tag in {@code drawByTag}. */
    public String draw;

    public Map<String, String> drawByTag = new LinkedHashMap<>();
    /** The per-tag draw as the trainer typed it, shown again when refused; not written to the file. */
    public String drawByTagTyped;

    public String shuffleQuestions;
    public String shuffleOptions;
    public String timeLimitMinutes;
    public String maxAttempts;
    public String delayMinutes;
    public String passPercent;
    public String counting;
    public String review;
    public List<Question> questions = new ArrayList<>();

    static final class Question {
        public String id;
        public String type;
        public List<String> tags = new ArrayList<>();
        public String weight;
        public String stemVi;
        public String stemEn;
        public List<Option> options = new ArrayList<>();
        /** true/false questions: the right answer. */
        public String answer;
        /** text questions: the accepted answers. */
        public List<String> answers = new ArrayList<>();

        public String feedbackVi;
        public String feedbackEn;

        /** The tags as the form shows them: separated by commas. */
        public String tagsText() {
            return String.join(", ", tags);
        }
    }

    static final class Option {
        public String id;
        public String textVi;
        public String textEn;
        public boolean correct;
    }

    static QuizYaml empty() {
        return new QuizYaml();
    }

    static QuizYaml parse(String text) {
        QuizYaml quiz = new QuizYaml();
        Map<String, Object> top = CourseYaml.map(CourseYaml.load(text));
        Map<String, Object> s = CourseYaml.map(top.get("settings"));
        Object draw = s.get("draw");
        if (draw instanceof Map<?, ?> byTag) {
            byTag.forEach((k, v) -> quiz.drawByTag.put(String.valueOf(k), CourseYaml.str(v)));
        } else {
            quiz.draw = CourseYaml.str(draw);
        }
        quiz.shuffleQuestions = CourseYaml.str(s.get("shuffleQuestions"));
        quiz.shuffleOptions = CourseYaml.str(s.get("shuffleOptions"));
        quiz.timeLimitMinutes = CourseYaml.str(s.get("timeLimitMinutes"));
        quiz.maxAttempts = CourseYaml.str(s.get("maxAttempts"));
        quiz.delayMinutes = CourseYaml.str(s.get("delayMinutes"));
        quiz.passPercent = CourseYaml.str(s.get("passPercent"));
        quiz.counting = CourseYaml.str(s.get("counting"));
        quiz.review = CourseYaml.str(s.get("review"));
        for (Object item : CourseYaml.list(top.get("questions"))) {
            Map<String, Object> q = CourseYaml.map(item);
            Question question = new Question();
            question.id = CourseYaml.str(q.get("id"));
            question.type = CourseYaml.str(q.get("type"));
            question.tags = CourseYaml.strings(q.get("tags"));
            question.weight = CourseYaml.str(q.get("weight"));
            question.stemVi = CourseYaml.lang(q.get("stem"), "vi");
            question.stemEn = CourseYaml.lang(q.get("stem"), "en");
            question.feedbackVi = CourseYaml.lang(q.get("feedback"), "vi");
            question.feedbackEn = CourseYaml.lang(q.get("feedback"), "en");
            question.answer = CourseYaml.str(q.get("answer"));
            question.answers = CourseYaml.strings(q.get("answers"));
            for (Object o : CourseYaml.list(q.get("options"))) {
                Map<String, Object> om = CourseYaml.map(o);
                Option option = new Option();
                option.id = CourseYaml.str(om.get("id"));
                option.textVi = CourseYaml.lang(om.get("text"), "vi");
                option.textEn = CourseYaml.lang(om.get("text"), "en");
                option.correct = Boolean.TRUE.equals(om.get("correct"));
                question.options.add(option);
            }
            quiz.questions.add(question);
        }
        return quiz;
    }

    /** The per-tag draw as the form shows it: "tag: count, ...". */
    public String drawByTagText() {
        if (drawByTagTyped != null) {
            return drawByTagTyped;
        }
        StringBuilder text = new StringBuilder();
        drawByTag.forEach((tag, n) ->
                text.append(text.isEmpty() ? "" : ", ").append(tag).append(": ").append(n));
        return text.toString();
    }

    Question question(String id) {
        return questions.stream().filter(q -> id.equals(q.id)).findFirst().orElse(null);
    }

    String write() {
        StringBuilder y = new StringBuilder("settings:");
        int settingsAt = y.length();
        if (!drawByTag.isEmpty()) {
            y.append("\n  draw:");
            drawByTag.forEach((tag, n) ->
                    y.append("\n    ").append(CourseYaml.q(tag)).append(": ").append(n));
        } else {
            scalar(y, "draw", draw);
        }
        scalar(y, "shuffleQuestions", shuffleQuestions);
        scalar(y, "shuffleOptions", shuffleOptions);
        scalar(y, "timeLimitMinutes", timeLimitMinutes);
        scalar(y, "maxAttempts", maxAttempts);
        scalar(y, "delayMinutes", delayMinutes);
        scalar(y, "passPercent", passPercent);
        scalar(y, "counting", counting);
        scalar(y, "review", review);
        if (y.length() == settingsAt) {
            y.append(" {}");
        }
        y.append("\nquestions:");
        if (questions.isEmpty()) {
            y.append(" []");
        }
        y.append('\n');
        for (Question q : questions) {
            y.append("  - id: ").append(CourseYaml.q(q.id)).append('\n');
            y.append("    type: ").append(CourseYaml.q(q.type)).append('\n');
            if (!q.tags.isEmpty()) {
                y.append("    tags: ").append(CourseYaml.flow(q.tags)).append('\n');
            }
            if (q.weight != null && !q.weight.isBlank()) {
                y.append("    weight: ").append(number(q.weight)).append('\n');
            }
            y.append("    stem: ").append(CourseYaml.inline(q.stemVi, q.stemEn)).append('\n');
            switch (q.type == null ? "" : q.type) {
                case "single", "multiple" -> {
                    y.append("    options:");
                    if (q.options.isEmpty()) {
                        y.append(" []");
                    }
                    y.append('\n');
                    for (Option o : q.options) {
                        y.append("      - {id: ")
                                .append(CourseYaml.q(o.id))
                                .append(", text: ")
                                .append(CourseYaml.inline(o.textVi, o.textEn));
                        if (o.correct) {
                            y.append(", correct: true");
                        }
                        y.append("}\n");
                    }
                }
                case "truefalse" ->
                    y.append("    answer: ")
                            .append("false".equals(q.answer) ? "false" : "true")
                            .append('\n');
                case "text" ->
                    y.append("    answers: ").append(CourseYaml.flow(q.answers)).append('\n');
                default -> {
                    // an unknown type is written as it is and reported by the importer's check
                }
            }
            if (q.feedbackVi != null && !q.feedbackVi.isBlank()) {
                y.append("    feedback: ")
                        .append(CourseYaml.inline(q.feedbackVi, q.feedbackEn))
                        .append('\n');
            }
        }
        return y.toString();
    }

    /** A setting as typed: a number or a word unquoted when it is one, anything else quoted (and then reported). */
    private static void scalar(StringBuilder y, String field, String value) {
        if (value != null && !value.isBlank()) {
            y.append("\n  ").append(field).append(": ").append(number(value.strip()));
        }
    }

    private static String number(String value) {
        return value.matches("-?[0-9]+(\\.[0-9]+)?|true|false|[a-z]+") ? value : CourseYaml.q(value);
    }
}
