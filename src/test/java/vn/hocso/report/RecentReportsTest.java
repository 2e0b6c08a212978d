package vn.hocso.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;

/**
 * The report pages' figures are kept a minute by scope, unit and filters: the same question in the same scope is
 * answered from memory, any other scope or filter is counted for itself.
 */
@QuarkusTest
class RecentReportsTest {

    @Inject
    RecentReports recent;

    @Test
    void aPagesFiguresAreKeptForTheSameScopeAndFiltersAndCountedAfreshForAnotherScope() {
        long course = ReportFixtures.course();
        long commune = ReportFixtures.commune("22", "Phường Sơn Trà " + ReportFixtures.unique());
        long person = ReportFixtures.person(null, "Đỗ Thị Sơn " + ReportFixtures.unique(), commune, null, null);
        OrgUnit province = ReportFixtures.current("22");
        String[] country = {QuarkusTransaction.requiringNew().call(() -> OrgUnit.getRoot().path) + "%"};
        String[] ownScope = {province.path + "%"};
        LocalDate today = QuarkusTransaction.requiringNew().call(OrgTree::today);
        ReportFilters f = new ReportFilters(province, course, null, null, null, null, today, false, 0);

        assertEquals(0, enrolled(country, f));
        LocalDate d = today.minusDays(3);
        ReportFixtures.enrol(person, course, d, null, null, null);
        assertEquals(0, enrolled(country, f), "the same scope and filters: the figures counted before");
        assertEquals(1, enrolled(ownScope, f), "another scope: counted for itself");
        ReportFilters former = new ReportFilters(province, course, null, null, null, null, today, true, 0);
        assertEquals(1, enrolled(country, former), "another filter: counted for itself");
    }

    @Test
    void aPagesFiguresAreRenderedOncePerLanguageAndKeptWithTheFigures() {
        OrgUnit province = ReportFixtures.current("22");
        String[] scope = {province.path + "%"};
        LocalDate today = QuarkusTransaction.requiringNew().call(OrgTree::today);
        ReportFilters f = new ReportFilters(province, null, null, null, null, null, today, false, 0);

        assertEquals("vi " + province.id, body(scope, f, "vi", "vi "));
        assertEquals(
                "vi " + province.id, body(scope, f, "vi", "again "), "the same language: the body rendered before");
        assertEquals("en " + province.id, body(scope, f, "en", "en "), "another language: rendered for itself");
        String[] country = {QuarkusTransaction.requiringNew().call(() -> OrgUnit.getRoot().path) + "%"};
        assertEquals("other " + province.id, body(country, f, "vi", "other "), "another scope: rendered for itself");
    }

    private String body(String[] scope, ReportFilters f, String language, String prefix) {
        return QuarkusTransaction.requiringNew()
                .call(() -> recent.kept(scope, f)
                        .body(language, r -> prefix + r.filters().unit().id));
    }

    private long enrolled(String[] scope, ReportFilters f) {
        return QuarkusTransaction.requiringNew()
                .call(() -> recent.of(scope, f).total().enrolled());
    }
}
