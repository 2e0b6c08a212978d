package vn.hocso.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.hocso.web.Locales;

/**
 * An attempt as its learner sees it, in their language. Built two ways: {@link #forTaking} never reads whether an
 * option is correct, a question's weight, accepted answers or feedback, so none of it can reach the attempt page or
 * the API before submission; {@link #forReview} shows after grading exactly what the quiz's review policy allows.
 */
record AttemptView(QuizAttempt attempt, List<Item> items, boolean showsVerdicts, boolean showsAnswers) {

    /** One question of the attempt. Verdicts, correct options, accepted answers and feedback are null if withheld. */
    record Item(
            int number,
            QuestionType type,
            String stemHtml,
            List<Choice> options,
            String textAnswer,
            Boolean correct,
            Boolean partial,
            String accepted,
            String feedbackHtml,
            boolean vietnameseOnly) {

        public boolean isText() {
            return type == QuestionType.TEXT;
        }

        public boolean isMultiple() {
            return type == QuestionType.MULTIPLE;
        }

        public boolean isAnswered() {
            return textAnswer != null || options.stream().anyMatch(Choice::chosen);
        }
    }

    /** Whether a person reading in English meets questions written in Vietnamese only (no English stem). */
    public boolean anyVietnameseOnly() {
        return items.stream().anyMatch(Item::vietnameseOnly);
    }

    /** An option under its opaque code; {@code correct} is null unless the review shows correct answers. */
    record Choice(String code, String text, boolean chosen, Boolean correct) {}

    /** Labels that depend on the language: true/false options and the text of each field. */
    interface Language {
        String pick(String vi, String en);

        String trueLabel();

        String falseLabel();

        /** Whether {@code en}, the English of a text, is missing for a person reading in English. */
        boolean missingEnglish(String en);

        static Language of(Locale language) {
            QuizMessages msg = Locales.messages(QuizMessages.class, language);
            return new Language() {
                @Override
                public String pick(String vi, String en) {
                    return Locales.pick(vi, en, language);
                }

                @Override
                public String trueLabel() {
                    return msg.true_label();
                }

                @Override
                public String falseLabel() {
                    return msg.false_label();
                }

                @Override
                public boolean missingEnglish(String en) {
                    return Locales.ENGLISH.equals(language) && (en == null || en.isBlank());
                }
            };
        }
    }

    static AttemptView forTaking(QuizAttempt attempt, QuestionBank bank, Language language) {
        List<Item> items = new ArrayList<>();
        for (AttemptQuestion aq : AttemptQuestion.listOfAttemptToRead(attempt.id)) {
            QuestionBank.Question q = bank.question(aq.questionId);
            Set<Long> chosen = aq.chosenSet();
            List<Choice> choices = new ArrayList<>();
            for (int i = 0; i < aq.optionIds.length; i++) {
                QuestionBank.Option o = bank.option(aq.optionIds[i]);
                choices.add(new Choice(aq.optionCodes[i], label(q, o, language), chosen.contains(o.id()), null));
            }
            items.add(new Item(
                    aq.position,
                    q.type(),
                    language.pick(q.stemVi(), q.stemEn()),
                    choices,
                    aq.textAnswer,
                    null,
                    null,
                    null,
                    null,
                    language.missingEnglish(q.stemEn())));
        }
        return new AttemptView(attempt, items, false, false);
    }

    static AttemptView forReview(QuizAttempt attempt, Quiz quiz, QuestionBank bank, Language language) {
        boolean verdicts = quiz.review != ReviewPolicy.SCORE;
        boolean answers = quiz.review == ReviewPolicy.ANSWERS;
        if (!attempt.isGraded() || !verdicts) {
            return new AttemptView(attempt, List.of(), false, false);
        }
        List<Item> items = new ArrayList<>();
        for (AttemptQuestion aq : AttemptQuestion.listOfAttemptToRead(attempt.id)) {
            QuestionBank.Question q = bank.question(aq.questionId);
            Set<Long> chosen = aq.chosenSet();
            List<Choice> choices = new ArrayList<>();
            for (int i = 0; i < aq.optionIds.length; i++) {
                QuestionBank.Option o = bank.option(aq.optionIds[i]);
                choices.add(new Choice(
                        aq.optionCodes[i],
                        label(q, o, language),
                        chosen.contains(o.id()),
                        answers ? o.correct() : null));
            }
            boolean correct = Boolean.TRUE.equals(aq.correct);
            boolean partial = !correct && aq.score != null && aq.score > 0;
            String accepted = answers && q.isText() ? String.join(" · ", q.accepted()) : null;
            String feedback = answers ? language.pick(q.feedbackVi(), q.feedbackEn()) : null;
            items.add(new Item(
                    aq.position,
                    q.type(),
                    language.pick(q.stemVi(), q.stemEn()),
                    choices,
                    aq.textAnswer,
                    correct,
                    partial,
                    accepted,
                    feedback,
                    language.missingEnglish(q.stemEn())));
        }
        return new AttemptView(attempt, items, true, answers);
    }

    private static String label(QuestionBank.Question question, QuestionBank.Option option, Language language) {
        if (question.isTrueFalse()) {
            return "true".equals(option.key()) ? language.trueLabel() : language.falseLabel();
        }
        return language.pick(option.textVi(), option.textEn());
    }
}
