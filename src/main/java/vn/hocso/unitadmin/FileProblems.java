package vn.hocso.unitadmin;

/** Why a file cannot be read, in the person's language, naming the row and column. */
final class FileProblems {

    private FileProblems() {}

    static String text(UnitAdminMessages msg, TableFile.Refused r) {
        return switch (r.problem) {
            case TableFile.NOT_UTF8 -> msg.file_not_utf8(r.row);
            case TableFile.NOT_XLSX -> msg.file_not_xlsx();
            case TableFile.MISSING_COLUMN -> msg.file_missing_column(r.column);
            case TableFile.FORMULA -> msg.file_formula(r.row, r.column);
            case TableFile.TOO_MANY_ROWS -> msg.file_too_many_rows(r.row);
            case TableFile.CELL_TOO_LONG -> msg.file_cell_too_long(r.row, r.column);
            default -> msg.file_empty();
        };
    }

    /** A rejected row's reason. */
    static String reason(UnitAdminMessages msg, PlanRow row) {
        String d = row.detail() == null ? "" : row.detail();
        return switch (row.reason()) {
            case "name_missing" -> msg.row_name_missing();
            case "too_long" -> msg.row_too_long(d);
            case "bad_email" -> msg.row_bad_email(d);
            case "bad_phone" -> msg.row_bad_phone(d);
            case "contact_missing" -> msg.row_contact_missing();
            case "bad_civil_id" -> msg.row_bad_civil_id(d);
            case "unknown_unit" -> msg.row_unknown_unit(d);
            case "unit_outside_scope" -> msg.row_unit_outside_scope(d);
            case "bad_target_group" -> msg.row_bad_target_group(d);
            case "duplicate_row" -> msg.row_duplicate(d);
            case "contact_of_another_person" -> msg.row_contact_of_another();
            case "person_outside_scope" -> msg.row_person_outside_scope();
            case "bad_code" -> msg.row_bad_code(d);
            case "bad_kind" -> msg.row_bad_kind(d);
            case "bad_date" -> msg.row_bad_date(d);
            case "kind_not_allowed" -> msg.row_kind_not_allowed(d);
            default -> row.reason();
        };
    }
}
