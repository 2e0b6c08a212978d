package vn.hocso.certificate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A certificate of completion, with what it certifies copied in at issue time. */
@Entity
public class Certificate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    @Column(name = "person_id")
    public Long personId;

    @Column(name = "course_id")
    public Long courseId;

    @Column(name = "holder_name")
    public String holderName;

    @Column(name = "course_title_vi")
    public String courseTitleVi;

    @Column(name = "course_title_en")
    public String courseTitleEn;

    @Column(name = "unit_name")
    public String unitName;

    /** The unit whose signature and seal this certificate carries (chosen at issue); null: none. */
    @Column(name = "signature_unit_id")
    public Long signatureUnitId;

    @Column(name = "issuer_name")
    public String issuerName;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    public CertificateStatus status;

    @Column(name = "pdf_key")
    public String pdfKey;

    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_reason")
    public String revokedReason;

    @Column(name = "replaced_by_id")
    public Long replacedById;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public boolean isIssued() {
        return status == CertificateStatus.ISSUED;
    }

    public boolean isPending() {
        return status == CertificateStatus.PENDING;
    }

    public boolean isRevoked() {
        return status == CertificateStatus.REVOKED;
    }

    public boolean isReplaced() {
        return status == CertificateStatus.REPLACED;
    }

    public static Optional<Certificate> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The live (pending or issued) certificate of a person for a course, if the course was completed. */
    public static Optional<Certificate> findLiveOf(long personId, long courseId) {
        return listLiveOfPerson(personId, List.of(courseId)).stream().findFirst();
    }

    /** The live (pending or issued) certificates of a person for these courses, in one statement. */
    public static List<Certificate> listLiveOfPerson(long personId, Collection<Long> courseIds) {
        if (courseIds.isEmpty()) {
            return List.of();
        }
        return list(
                "personId = ?1 and courseId in ?2 and status in ?3",
                personId,
                courseIds,
                List.of(CertificateStatus.PENDING, CertificateStatus.ISSUED));
    }

    /** What goes on a transcript: issued certificates, oldest first. */
    public static List<Certificate> listIssuedOfPerson(long personId) {
        return list("personId = ?1 and status = ?2 order by completedOn, id", personId, CertificateStatus.ISSUED);
    }
}
