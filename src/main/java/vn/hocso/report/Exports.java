package vn.hocso.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import vn.hocso.audit.Audit;
import vn.hocso.enrolment.Wave;

/**
 * Exports of a report (one row per unit, with totals) and of its people (one row per person and course), as CSV or
 * XLSX, written while the rows are read. Phone numbers and civil-servant IDs are masked unless the role allows them.
 * Every export is audited when it ends: who, which unit and filters, which format, how many rows, and whether it was
 * cut short.
 */
@ApplicationScoped
class Exports {

    /** How often (in rows) a people export reports how far it is. */
    static final int PROGRESS_EVERY = 5_000;

    enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        static Optional<Format> of(String text) {
            for (Format f : values()) {
                if (f.extension.equals(text)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** The person exporting, read while the request was there; {@code personalData}: phones and IDs in clear. */
    record Who(String subject, String name, boolean personalData) {}

    /** What the export is of, for the title block and the audit log. */
    record About(String kind, long unitId, String unitName, List<String[]> title, String filters) {}

    @Inject
    PeopleStatus people;

    @Inject
    Audit audit;

    @Inject
    MeterRegistry registry;

    /** Every export counter exists from the start, at zero: a dashboard shows none rather than no data. */
    void onStart(@Observes StartupEvent event) {
        for (String kind : List.of("report", "people")) {
            for (Format format : Format.values()) {
                for (String outcome : List.of("complete", "cut")) {
                    Tags tags = Tags.of("kind", kind, "format", format.extension, "outcome", outcome);
                    registry.counter("hocso.report.exports", tags);
                    registry.counter("hocso.report.export.rows", tags);
                }
            }
        }
    }

    StreamingOutput report(CompletionReport.Report report, Format format, ReportMessages msg, Who who, About about) {
        return out -> {
            long rows = 0;
            boolean complete = false;
            try (Sheet sheet = sheet(out, format, msg.export_sheet_report())) {
                sheet.title(about.title());
                sheet.header(List.of(
                        new Sheet.Column(msg.col_unit(), Sheet.Kind.TEXT, 32),
                        new Sheet.Column(msg.col_code(), Sheet.Kind.TEXT, 10),
                        new Sheet.Column(msg.col_people(), Sheet.Kind.NUMBER, 12),
                        new Sheet.Column(msg.col_assigned(), Sheet.Kind.NUMBER, 12),
                        new Sheet.Column(msg.col_enrolled(), Sheet.Kind.NUMBER, 12),
                        new Sheet.Column(msg.col_started(), Sheet.Kind.NUMBER, 12),
                        new Sheet.Column(msg.col_completed(), Sheet.Kind.NUMBER, 12),
                        new Sheet.Column(msg.col_certified(), Sheet.Kind.NUMBER, 12),
                        new Sheet.Column(msg.col_overdue(), Sheet.Kind.NUMBER, 12),
                        new Sheet.Column(msg.col_rate(), Sheet.Kind.PERCENT, 12)));
                for (CompletionReport.Line line : report.lines()) {
                    sheet.row(counts(line.name(), line.unit().code, line.counts()));
                    rows++;
                }
                sheet.row(counts(msg.rest_row(), null, report.rest()));
                sheet.totals(counts(msg.total_row(), null, report.total()));
                rows++;
                complete = true;
            } finally {
                audited(who, about, format, rows, complete);
            }
        };
    }

    StreamingOutput people(ReportSql sql, OffsetDateTime end, Format format, ReportMessages msg, Who who, About about) {
        return out -> writePeople(out, sql, end, format, msg, who, about, rows -> {});
    }

    /**
     * Writes the people of {@code sql} to {@code out} and returns how many rows; {@code progress} hears the count every
     * {@value #PROGRESS_EVERY} rows (a background export shows it).
     */
    long writePeople(
            OutputStream out,
            ReportSql sql,
            OffsetDateTime end,
            Format format,
            ReportMessages msg,
            Who who,
            About about,
            LongConsumer progress)
            throws IOException {
        long[] rows = {0};
        boolean complete = false;
        try (Sheet sheet = sheet(out, format, msg.export_sheet_people())) {
            sheet.title(about.title());
            sheet.header(peopleColumns(msg));
            // the rows so far, for the audit of an export cut short
            LongConsumer counted = n -> {
                rows[0] = n;
                progress.accept(n);
            };
            if (format == Format.CSV) {
                sheet.close();
                rows[0] = people.inTransaction(c -> CsvCopy.write(c, sql, end, msg, who.personalData(), out, counted));
            } else {
                rows[0] = peopleRows(sheet, sql, end, msg, who.personalData(), counted);
            }
            complete = true;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("export of people", e);
        } finally {
            audited(who, about, format, rows[0], complete);
        }
        return rows[0];
    }

    static List<Sheet.Column> peopleColumns(ReportMessages msg) {
        return List.of(
                new Sheet.Column(msg.col_name(), Sheet.Kind.TEXT, 28),
                new Sheet.Column(msg.col_email(), Sheet.Kind.TEXT, 28),
                new Sheet.Column(msg.col_phone(), Sheet.Kind.TEXT, 15),
                new Sheet.Column(msg.col_civil_servant_id(), Sheet.Kind.TEXT, 15),
                new Sheet.Column(msg.col_group(), Sheet.Kind.TEXT, 16),
                new Sheet.Column(msg.col_unit(), Sheet.Kind.TEXT, 28),
                new Sheet.Column(msg.col_code(), Sheet.Kind.TEXT, 10),
                new Sheet.Column(msg.col_course(), Sheet.Kind.TEXT, 32),
                new Sheet.Column(msg.col_status(), Sheet.Kind.TEXT, 16),
                new Sheet.Column(msg.col_enrolled_on(), Sheet.Kind.DATE, 12),
                new Sheet.Column(msg.col_due_on(), Sheet.Kind.DATE, 12),
                new Sheet.Column(msg.col_completed_on(), Sheet.Kind.DATE, 12),
                new Sheet.Column(msg.col_certified_on(), Sheet.Kind.DATE, 12));
    }

    /**
     * The people rows read into Java and written cell by cell (XLSX; the CSV is written by PostgreSQL through {@link
     * CsvCopy}, and a test holds the two CSVs equal).
     */
    long peopleRows(
            Sheet sheet,
            ReportSql sql,
            OffsetDateTime end,
            ReportMessages msg,
            boolean personalData,
            LongConsumer progress)
            throws Exception {
        long[] rows = {0};
        people.stream(sql, end, r -> {
            sheet.row(
                    r.fullName(),
                    r.email(),
                    personalData ? r.phone() : Cells.masked(r.phone()),
                    personalData ? r.civilServantId() : Cells.masked(r.civilServantId()),
                    Labels.group(msg, r.targetGroup()),
                    r.unitName(),
                    r.unitCode(),
                    r.course(),
                    Labels.status(msg, r.status()),
                    day(r.enrolledAt()),
                    day(r.dueAt()),
                    day(r.completedAt()),
                    day(r.certifiedAt()));
            if (++rows[0] % PROGRESS_EVERY == 0) {
                progress.accept(rows[0]);
            }
        });
        return rows[0];
    }

    /** The title block and audit description of an export, in the language of {@code msg}. */
    static About about(String kind, ReportFilters f, String unitName, ReportMessages msg) {
        List<String[]> title = new ArrayList<>();
        title.add(new String[] {kind.equals("people") ? msg.export_title_people() : msg.export_title_report()});
        title.add(new String[] {msg.title_unit(), unitName + " (" + f.unit().code + ")"});
        String course = CourseTitles.titleOf(f.courseId());
        title.add(new String[] {msg.filter_course(), course == null ? msg.all() : course});
        if (f.waveId() != null) {
            title.add(new String[] {msg.filter_wave(), Wave.<Wave>findById(f.waveId()).name});
        }
        title.add(new String[] {msg.filter_group(), f.group() == null ? msg.all() : Labels.group(msg, f.group())});
        title.add(new String[] {
            msg.title_period(),
            (f.from() == null ? "…" : f.from().toString()) + " – " + (f.to() == null ? "…" : f.to().toString())
        });
        title.add(new String[] {msg.filter_as_of(), f.asOf() + (f.former() ? " · " + msg.view_former() : "")});
        title.add(new String[] {
            msg.title_generated(),
            LocalDateTime.now(ReportFilters.VIETNAM).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"))
        });
        return new About(kind, f.unit().id, unitName, title, f.query().toString());
    }

    /** The file name an export is offered under. */
    static String fileName(String name, ReportFilters f, Format format) {
        return name.replaceAll("[^A-Za-z0-9-]", "_") + "-" + f.asOf() + "." + format.extension;
    }

    private void audited(Who who, About about, Format format, long rows, boolean complete) {
        // every export, streamed or in the background, ends here: the operator's count beside the audit log's
        Tags tags = Tags.of("kind", about.kind(), "format", format.extension, "outcome", complete ? "complete" : "cut");
        registry.counter("hocso.report.exports", tags).increment();
        registry.counter("hocso.report.export.rows", tags).increment(rows);
        QuarkusTransaction.requiringNew()
                .run(() -> audit.recordFor(
                        who.subject(),
                        who.name(),
                        "report.export",
                        "unit",
                        Long.toString(about.unitId()),
                        null,
                        "kind=" + about.kind() + " format=" + format.extension + " filters=" + about.filters()
                                + " rows=" + rows + (complete ? "" : " incomplete")));
    }

    private static Sheet sheet(OutputStream out, Format format, String name) throws IOException {
        return format == Format.CSV ? new CsvSheet(out) : new XlsxSheet(out, name);
    }

    private static Object[] counts(String name, String code, CompletionReport.Counts c) {
        List<Object> cells = new ArrayList<>();
        cells.add(name);
        cells.add(code);
        cells.add(c.people());
        cells.add(c.assigned());
        cells.add(c.enrolled());
        cells.add(c.started());
        cells.add(c.completed());
        cells.add(c.certified());
        cells.add(c.overdue());
        cells.add(c.rate());
        return cells.toArray();
    }

    private static LocalDate day(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ReportFilters.VIETNAM).toLocalDate();
    }
}
