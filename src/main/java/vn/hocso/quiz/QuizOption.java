package vn.hocso.quiz;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.List;

/** An option of a choice question; whether it is correct stays on the server until the review allows it. */
@Entity
@Table(name = "quiz_option")
class QuizOption extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "question_id")
    public Long questionId;

    public String key;

    @Column(name = "text_vi")
    public String textVi;

    @Column(name = "text_en")
    public String textEn;

    public boolean correct;

    public int position;

    public boolean retired;

    static List<QuizOption> listOfQuestions(Collection<Long> questionIds) {
        return questionIds.isEmpty() ? List.of() : list("questionId in ?1 order by questionId, position", questionIds);
    }
}
