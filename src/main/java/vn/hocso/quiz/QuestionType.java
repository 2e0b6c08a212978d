package vn.hocso.quiz;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** How a question is answered and graded: one option, several options, true or false, or a short text. */
public enum QuestionType implements Coded {
    SINGLE("single"),
    MULTIPLE("multiple"),
    TRUE_FALSE("truefalse"),
    TEXT("text");

    private final String code;

    QuestionType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<QuestionType> {
        public Column() {
            super(QuestionType.class);
        }
    }
}
