package vn.hocso.enrolment;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** A wave is drafted, then open (assigning), then closed or cancelled (no more reminders; records stay). */
public enum WaveStatus implements Coded {
    DRAFT,
    OPEN,
    CLOSED,
    CANCELLED;

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<WaveStatus> {}
}
