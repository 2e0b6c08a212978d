package vn.hocso.content;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** A draft is edited by its authors, then waits for a reviewer, who publishes it or sends it back. */
public enum DraftState implements Coded {
    EDITING,
    REVIEW;

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<DraftState> {}
}
