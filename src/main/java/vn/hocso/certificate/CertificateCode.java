package vn.hocso.certificate;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Certificate codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a code read off
 * paper or over the phone is typed right; random from a secure source, so codes cannot be guessed (31^10 ≈ 8·10^14,
 * and verification is rate-limited). Typed codes are accepted in any case, with spaces or dashes.
 */
final class CertificateCode {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateCode() {}

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as stored, or empty when what was typed cannot be a code. */
    static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** "ABCDE-FGHJK": easier to read aloud and to copy. */
    static String display(String code) {
        return code.substring(0, 5) + "-" + code.substring(5);
    }
}
