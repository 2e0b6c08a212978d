package vn.hocso.course;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** What a lesson is, which decides how it is completed: text by marking it read, video by watched coverage, quiz by passing. */
public enum LessonKind implements Coded {
    TEXT,
    VIDEO,
    QUIZ;

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<LessonKind> {}
}
