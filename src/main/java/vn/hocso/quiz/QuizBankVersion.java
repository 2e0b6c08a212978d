package vn.hocso.quiz;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One published state of a quiz's question bank; never changed once written (attempts point at it). */
@Entity
@Table(name = "quiz_bank_version")
class QuizBankVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "quiz_id")
    public Long quizId;

    @JdbcTypeCode(SqlTypes.JSON)
    public BankSnapshot content;
}
