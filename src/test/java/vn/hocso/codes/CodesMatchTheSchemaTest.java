package vn.hocso.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.hocso.account.TargetGroup;
import vn.hocso.certificate.CertificateStatus;
import vn.hocso.course.CourseStatus;
import vn.hocso.course.LessonKind;
import vn.hocso.enrolment.EnrolmentSource;
import vn.hocso.job.JobStatus;
import vn.hocso.org.UnitKind;
import vn.hocso.quiz.AttemptStatus;
import vn.hocso.quiz.Counting;
import vn.hocso.quiz.QuestionType;
import vn.hocso.quiz.ReviewPolicy;
import vn.hocso.video.VideoState;

/** Each enum stored as a code lists exactly the values the schema's CHECK constraint allows, no more, no fewer. */
@QuarkusTest
class CodesMatchTheSchemaTest {

    record Column(String table, String column, Class<? extends Enum<?>> codes) {
        @Override
        public String toString() {
            return table + "." + column + " ↔ " + codes.getSimpleName();
        }
    }

    static List<Column> columns() {
        return List.of(
                new Column("course", "status", CourseStatus.class),
                new Column("org_unit", "kind", UnitKind.class),
                new Column("wave", "status", vn.hocso.enrolment.WaveStatus.class),
                new Column("lesson", "kind", LessonKind.class),
                new Column("enrolment", "source", EnrolmentSource.class),
                new Column("person", "target_group", TargetGroup.class),
                new Column("job", "status", JobStatus.class),
                new Column("certificate", "status", CertificateStatus.class),
                new Column("video", "status", VideoState.class),
                new Column("quiz_attempt", "status", AttemptStatus.class),
                new Column("quiz_question", "type", QuestionType.class),
                new Column("quiz", "counting", Counting.class),
                new Column("quiz", "review", ReviewPolicy.class));
    }

    private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

    @Inject
    EntityManager em;

    @ParameterizedTest
    @MethodSource("columns")
    void theEnumListsTheValuesTheCheckConstraintAllows(Column c) {
        List<?> definitions =
                em.createNativeQuery("""
                select pg_get_constraintdef(k.oid) from pg_constraint k join pg_class t on t.oid = k.conrelid
                where t.relname = ?1 and k.contype = 'c' and pg_get_constraintdef(k.oid) like '%ANY%'""").setParameter(1, c.table()).getResultList();
        Set<String> allowed = new TreeSet<>();
        for (Object definition : definitions) {
            String text = (String) definition;
            if (text.contains("(" + c.column() + ")")) {
                Matcher m = LITERAL.matcher(text);
                while (m.find()) {
                    allowed.add(m.group(1));
                }
            }
        }
        Set<String> codes = new TreeSet<>();
        for (Enum<?> e : c.codes().getEnumConstants()) {
            codes.add(((Coded) e).code());
        }
        assertEquals(allowed, codes, c.toString());
    }
}
