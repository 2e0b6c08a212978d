package vn.hocso.codes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum stored as a short lower-case code (the value the schema's CHECK constraint lists, the word course files and
 * the JSON API use), so that Java, SQL and files name a kind or a state the same way.
 */
public interface Coded {

    String code();

    /** The constant with this code, if any. */
    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.code().equals(code))
                .findFirst();
    }

    /** Every code of the enum, in declaration order (for messages that list what is allowed). */
    static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
    }
}
