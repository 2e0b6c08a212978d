package vn.hocso.quiz;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** Which graded attempt counts for the learner: the best one, or the last one. */
public enum Counting implements Coded {
    HIGHEST,
    LAST;

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<Counting> {}
}
