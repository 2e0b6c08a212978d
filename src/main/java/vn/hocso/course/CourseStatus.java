package vn.hocso.course;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** Where a course stands: only a published course is listed, opened and enrolled in. */
public enum CourseStatus implements Coded {
    DRAFT,
    PUBLISHED,
    ARCHIVED;

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<CourseStatus> {}
}
