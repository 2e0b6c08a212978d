package vn.hocso.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void aDayIsWrittenDayMonthYear() {
        assertEquals("01/12/2026", Dates.day(LocalDate.of(2026, 12, 1)));
    }

    @Test
    void anInstantLateInTheUtcEveningIsAlreadyTheNextDayInVietnam() {
        OffsetDateTime lateUtc = OffsetDateTime.parse("2026-11-30T18:30:00Z");
        assertEquals("01/12/2026", Dates.day(lateUtc));
        assertEquals("01:30 01/12/2026", Dates.time(lateUtc));
        assertEquals("01:30 01/12/2026", Dates.time(Instant.parse("2026-11-30T18:30:00Z")));
    }

    @Test
    void nothingToShowIsEmptyRatherThanAnError() {
        assertEquals("", Dates.day((LocalDate) null));
        assertEquals("", Dates.time((OffsetDateTime) null));
    }
}
