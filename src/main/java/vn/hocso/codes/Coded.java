package vn.hocso.codes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum stored as a short lower-case code (the value the schema's CHECK constraint lists, the word course files and
 * the JSON API use), so that Java, SQL and files name a kind or a state the same way. The code is the constant's
 * name in lower case with '-' for '_' ({@code COMMUNITY_TEAM} is {@code community-team}); an enum whose codes were
 * chosen otherwise overrides {@link #code()}.
 */
public interface Coded {

    default String code() {
        Enum<?> constant = (Enum<?>) this;
        return CodeTables.NAMED.get(constant.getDeclaringClass())[constant.ordinal()];
    }

    /** The constant with this code, if any (a map lookup: parsing codes sits on hot paths). */
    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(type.cast(CodeTables.BY_CODE.get(type).get(code)));
    }

    /** Every code of the enum, in declaration order (for messages that list what is allowed). */
    static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
    }
}
