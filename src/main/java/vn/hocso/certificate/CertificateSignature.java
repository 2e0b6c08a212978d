package vn.hocso.certificate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The signer, signature and seal an issuing unit puts on the certificates of the learners under it. */
@Entity
@Table(name = "certificate_signature")
public class CertificateSignature extends PanacheEntityBase {

    @Id
    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "signer_name")
    public String signerName;

    @Column(name = "signer_title")
    public String signerTitle;

    @Column(name = "signature_png")
    public byte[] signaturePng;

    @Column(name = "seal_png")
    public byte[] sealPng;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    static List<CertificateSignature> listAllByUnit() {
        return list("order by unitId");
    }

    /**
     * The signature of the deepest unit on {@code path} (a unit's materialised path of ids, "/1/5/9/") that has one:
     * a commune's own before its province's.
     */
    static Optional<CertificateSignature> findNearestOnPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        List<Long> ids = Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, CertificateSignature> found =
                CertificateSignature.<CertificateSignature>list("unitId in ?1", ids).stream()
                        .collect(Collectors.toMap(s -> s.unitId, Function.identity()));
        for (int i = ids.size() - 1; i >= 0; i--) {
            CertificateSignature signature = found.get(ids.get(i));
            if (signature != null) {
                return Optional.of(signature);
            }
        }
        return Optional.empty();
    }
}
