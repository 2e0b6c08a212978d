package vn.hocso.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese mobile numbers as people write them — {@code 0912 345 678}, {@code +84912345678}, {@code 84-912-345-678},
 * {@code (091) 234.5678} — in one form, {@code +84912345678}, so that a roster and a sign-in token name the same phone
 * the same way. Mobile numbers have ten digits with the leading 0 (prefixes 03, 05, 07, 08, 09 since 2018).
 */
public final class VietnamesePhone {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern NATIONAL = Pattern.compile("0[35789][0-9]{8}");

    private VietnamesePhone() {}

    public static Optional<String> normalise(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String s = SEPARATORS.matcher(written.strip()).replaceAll("");
        if (s.startsWith("+84")) {
            s = "0" + s.substring(3);
        } else if (s.startsWith("0084")) {
            s = "0" + s.substring(4);
        } else if (s.startsWith("84") && s.length() == 11) {
            s = "0" + s.substring(2);
        } else if (s.length() == 9 && !s.startsWith("0")) {
            // a spreadsheet that took the number for a number dropped its leading zero
            s = "0" + s;
        }
        return NATIONAL.matcher(s).matches() ? Optional.of("+84" + s.substring(1)) : Optional.empty();
    }
}
