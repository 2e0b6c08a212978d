package vn.hocso.unitadmin;

import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.hocso.org.OrgTree;
import vn.hocso.web.Refusal;

/** Days typed in forms and queries (ISO, as date inputs send them); none means today; a wrong one is a 400. */
final class Days {

    private Days() {}

    static LocalDate parse(String text, String refusal) {
        if (text == null || text.isBlank()) {
            return OrgTree.today();
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.getYear() < 1900 || day.getYear() > 2200) {
                throw new Refusal(Response.Status.BAD_REQUEST, refusal);
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new Refusal(Response.Status.BAD_REQUEST, refusal);
        }
    }
}
