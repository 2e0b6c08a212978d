package vn.hocso.learning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.account.Person;
import vn.hocso.content.CourseImporter;

@QuarkusTest
class MyLearningStatementsTest {

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessions;

    @Inject
    CourseImporter importer;

    private long statementsFor(String path) {
        given().when().get(path).then().statusCode(200);
        long before = sessions.getStatistics().getPrepareStatementCount();
        given().when().get(path).then().statusCode(200).body(containsString("Việc học của tôi"));
        return sessions.getStatistics().getPrepareStatementCount() - before;
    }

    /** Adds {@code n} published courses of two lessons each and enrols the person in them. */
    private void enrolInNewCourses(String subject, int n, String prefix) {
        QuarkusTransaction.requiringNew().run(() -> {
            long person = Person.findBySubject(subject).orElseThrow().id;
            for (int i = 0; i < n; i++) {
                long course = ((Number) em.createNativeQuery("""
                        insert into course (slug, title_vi, summary_vi, category_code, level, status)
                        values (?1, ?2, 'Tóm tắt', 'ky-nang-so', 'basic', 'published') returning id""")
                                .setParameter(1, prefix + i)
                                .setParameter(2, "Khoá " + prefix + i)
                                .getSingleResult())
                        .longValue();
                long module = ((Number) em.createNativeQuery("""
                        insert into course_module (course_id, key, title_vi, position) values (?1, 'm', 'M', 0)
                        returning id""")
                                .setParameter(1, course)
                                .getSingleResult())
                        .longValue();
                em.createNativeQuery("""
                        insert into lesson (course_id, module_id, key, kind, title_vi, position)
                        values (?1, ?2, 'a', 'text', 'A', 0), (?1, ?2, 'b', 'text', 'B', 1)""")
                        .setParameter(1, course)
                        .setParameter(2, module)
                        .executeUpdate();
                em.createNativeQuery(
                                "insert into enrolment (person_id, course_id, due_at) values (?1, ?2, now() + interval '3 days')")
                        .setParameter(1, person)
                        .setParameter(2, course)
                        .executeUpdate();
            }
        });
    }

    @Test
    @TestSecurity(user = "many", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "statements-many"))
    void myLearningCostsTheSameStatementsForOneCourseAndForFifty() {
        DemoCourses.ensureImported(importer);
        given().when().get("/my").then().statusCode(200);
        enrolInNewCourses("statements-many", 1, "so-cau-lenh-mot-");
        long forOne = statementsFor("/my");
        enrolInNewCourses("statements-many", 49, "so-cau-lenh-nhieu-");
        long forFifty = statementsFor("/my");
        assertEquals(forOne, forFifty, "statements for 1 course vs 50 courses");
        assertEquals(true, forFifty <= 3, "at most three statements, was " + forFifty);
    }
}
