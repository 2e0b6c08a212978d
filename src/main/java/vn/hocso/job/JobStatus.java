package vn.hocso.job;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** Where a job stands in the queue. */
public enum JobStatus implements Coded {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<JobStatus> {}
}
