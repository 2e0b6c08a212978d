package vn.hocso.codes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@link Coded} computes once per enum rather than on every call: codes are bound on every write and parsed on
 * hot reads (playlists, quiz submits).
 */
final class CodeTables {

    private CodeTables() {}

    /** Each constant's code as the naming rule gives it, by ordinal. */
    static final ClassValue<String[]> NAMED = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants())
                    .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .toArray(String[]::new);
        }
    };

    /** Each constant by its code (an enum's own {@link Coded#code()} included). */
    static final ClassValue<Map<String, Object>> BY_CODE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants())
                    .collect(Collectors.toUnmodifiableMap(e -> ((Coded) e).code(), Function.identity()));
        }
    };
}
