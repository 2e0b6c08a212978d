package vn.hocso.quiz;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A question of a quiz's bank. Its id never changes once created (attempts point at it); a question removed from
 * the quiz file is retired, so past attempts and statistics keep it.
 */
@Entity
@Table(name = "quiz_question")
class QuizQuestion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "quiz_id")
    public Long quizId;

    public String key;

    public QuestionType type;

    @Column(name = "stem_vi")
    public String stemVi;

    @Column(name = "stem_en")
    public String stemEn;

    @Column(name = "feedback_vi")
    public String feedbackVi;

    @Column(name = "feedback_en")
    public String feedbackEn;

    public double weight;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(64)[]")
    public String[] tags;

    /** Short text questions: the accepted answers as the author wrote them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(200)[]")
    public String[] accepted;

    public int position;

    public boolean retired;

    public List<String> tagList() {
        return tags == null ? List.of() : Arrays.asList(tags);
    }

    public boolean isText() {
        return type == QuestionType.TEXT;
    }

    public boolean isMultiple() {
        return type == QuestionType.MULTIPLE;
    }

    public boolean isTrueFalse() {
        return type == QuestionType.TRUE_FALSE;
    }

    static List<QuizQuestion> listAllOfQuiz(long quizId) {
        return list("quizId = ?1 order by position", quizId);
    }
}
