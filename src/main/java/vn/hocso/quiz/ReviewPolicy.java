package vn.hocso.quiz;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** What a learner sees after grading: the score only, which answers were wrong, or the right answers too. */
public enum ReviewPolicy implements Coded {
    SCORE,
    MISTAKES,
    ANSWERS;

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<ReviewPolicy> {}
}
