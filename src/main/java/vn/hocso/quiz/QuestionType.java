package vn.hocso.quiz;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** How a question is answered and graded: one option, several options, true or false, or a short text. */
public enum QuestionType implements Coded {
    SINGLE,
    MULTIPLE,
    TRUE_FALSE,
    TEXT;

    /** The course files and the schema say {@code truefalse}, without the '-' the rule would give. */
    @Override
    public String code() {
        return this == TRUE_FALSE ? "truefalse" : Coded.super.code();
    }

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<QuestionType> {}
}
