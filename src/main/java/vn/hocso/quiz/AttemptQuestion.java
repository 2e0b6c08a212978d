package vn.hocso.quiz;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.type.SqlTypes;

/**
 * A question as one attempt shows it: its position, its options in the attempt's order with the opaque codes the
 * browser sees, the learner's saved answer and, once graded, its score.
 */
@Entity
@Table(name = "quiz_attempt_question")
class AttemptQuestion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "attempt_id")
    public Long attemptId;

    @Column(name = "question_id")
    public Long questionId;

    public int position;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "option_ids", columnDefinition = "bigint[]")
    public Long[] optionIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "option_codes", columnDefinition = "varchar(16)[]")
    public String[] optionCodes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "bigint[]")
    public Long[] chosen;

    @Column(name = "text_answer")
    public String textAnswer;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    public Double score;

    public Boolean correct;

    Set<Long> chosenSet() {
        return chosen == null ? Set.of() : new LinkedHashSet<>(List.of(chosen));
    }

    /** The option id behind a code the browser sent; null for a code this attempt never showed. */
    Long optionOf(String code) {
        for (int i = 0; i < optionCodes.length; i++) {
            if (optionCodes[i].equals(code)) {
                return optionIds[i];
            }
        }
        return null;
    }

    static List<AttemptQuestion> listOfAttempt(long attemptId) {
        return list("attemptId = ?1 order by position", attemptId);
    }

    /** The attempt's questions to read, not change: Hibernate keeps no snapshot of them and checks none at flush. */
    static List<AttemptQuestion> listOfAttemptToRead(long attemptId) {
        return find("attemptId = ?1 order by position", attemptId)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .list();
    }
}
