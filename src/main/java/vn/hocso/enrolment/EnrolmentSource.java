package vn.hocso.enrolment;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** How a person came to take a course: by their own choice, or assigned by their unit. */
public enum EnrolmentSource implements Coded {
    SELF,
    ASSIGNMENT;

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<EnrolmentSource> {}
}
