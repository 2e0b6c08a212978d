package vn.hocso.certificate;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** Where a certificate stands: pending until its PDF is made, then issued; revoked by an admin, or replaced by a re-issue. */
public enum CertificateStatus implements Coded {
    PENDING,
    ISSUED,
    REVOKED,
    REPLACED;

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<CertificateStatus> {}
}
