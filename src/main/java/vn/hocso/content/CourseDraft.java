package vn.hocso.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The unpublished edit of a course: its files live in {@link DraftFile}; learners never see them. */
@Entity
@Table(name = "course_draft")
class CourseDraft extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id")
    public Long courseId;

    public DraftState state;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    static Optional<CourseDraft> findOfCourse(long courseId) {
        return find("courseId", courseId).firstResultOptional();
    }

    public boolean inReview() {
        return state == DraftState.REVIEW;
    }
}
