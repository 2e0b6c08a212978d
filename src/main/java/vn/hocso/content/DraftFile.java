package vn.hocso.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One file of a draft, with the version a save must name (optimistic locking). */
@Entity
@Table(name = "draft_file")
class DraftFile extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "draft_id")
    public Long draftId;

    public String path;

    public int position;

    public String body;

    @Version
    public int version;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    static List<DraftFile> listOfDraft(long draftId) {
        return list("draftId = ?1 order by position, path", draftId);
    }

    static Optional<DraftFile> findOf(long draftId, String path) {
        return find("draftId = ?1 and path = ?2", draftId, path).firstResultOptional();
    }

    static Map<String, String> filesOf(long draftId) {
        Map<String, String> files = new LinkedHashMap<>();
        listOfDraft(draftId).forEach(f -> files.put(f.path, f.body));
        return files;
    }
}
