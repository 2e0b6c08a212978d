package vn.hocso.quiz;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** An attempt is open (answers may change) until it is graded, once. */
public enum AttemptStatus implements Coded {
    OPEN,
    GRADED;

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<AttemptStatus> {}
}
