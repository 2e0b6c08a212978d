package vn.hocso.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Dates as people read them, the one way every page, PDF and message shows them: day/month/year as Vietnamese
 * writes them (the English pages follow suit rather than switch to month first), times on a 24-hour clock before
 * the date, always in Vietnam's time zone. In templates: {@code {date:day(x)}}, {@code {date:time(x)}}.
 */
@TemplateExtension(namespace = "date")
public final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private Dates() {}

    /** 01/12/2026 */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** 01/12/2026, the day it was in Vietnam at that instant */
    public static String day(OffsetDateTime at) {
        return at == null ? "" : DAY.format(local(at.toInstant()));
    }

    /** 10:05 01/12/2026, in Vietnam */
    public static String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(local(at.toInstant()));
    }

    /** 10:05 01/12/2026, in Vietnam */
    public static String time(Instant at) {
        return at == null ? "" : TIME.format(local(at));
    }

    private static TemporalAccessor local(Instant at) {
        return at.atZone(Locales.VIETNAM_TIME);
    }
}
