package vn.hocso.content;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks of single values, shared by course.yaml, lesson front matter and quiz files (and meant for an authoring
 * form later): each takes the value and a {@link ProblemSink}, never a file, and reports in the words of
 * {@link ContentMessages}.
 */
final class Fields {

    /** Ids and slugs: lower-case ASCII words joined by single hyphens, so they are safe in URLs and stable keys. */
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ContentMessages msg;

    Fields(ContentMessages msg) {
        this.msg = msg;
    }

    boolean slug(String slug, ProblemSink sink) {
        if (ID.matcher(slug).matches() && slug.length() <= Limits.MAX_SLUG_LENGTH) {
            return true;
        }
        sink.problem(msg.bad_slug(slug));
        return false;
    }

    /**
     * A stable id, unique among {@code seen} (to which it is added); {@code duplicate} words the problem of an id
     * seen before, since a course and a quiz file say it differently.
     */
    boolean id(String id, Set<String> seen, Function<String, String> duplicate, ProblemSink sink) {
        if (!ID.matcher(id).matches() || id.length() > Limits.MAX_ID_LENGTH) {
            sink.problem(msg.bad_id(id));
            return false;
        }
        if (!seen.add(id)) {
            sink.problem(duplicate.apply(id));
            return false;
        }
        return true;
    }

    /** A whole number from min to max; null (no value) or anything else is reported with the range. */
    Optional<Integer> integer(String value, String field, int min, int max, ProblemSink sink) {
        if (value != null) {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return Optional.of(number);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        sink.problem(msg.bad_value(field, min + "–" + max));
        return Optional.empty();
    }

    /** One of {@code allowed}; the problem lists them in alphabetical order. */
    boolean oneOf(String value, Set<String> allowed, String field, ProblemSink sink) {
        if (allowed.contains(value)) {
            return true;
        }
        sink.problem(
                msg.bad_value(field, String.join(", ", allowed.stream().sorted().toList())));
        return false;
    }

    Optional<Boolean> bool(String value, String field, ProblemSink sink) {
        if (value.equals("true") || value.equals("false")) {
            return Optional.of(Boolean.parseBoolean(value));
        }
        sink.problem(msg.bad_value(field, "true, false"));
        return Optional.empty();
    }

    boolean notBlank(String value, String field, ProblemSink sink) {
        if (!value.isBlank()) {
            return true;
        }
        sink.problem(msg.missing_field(field));
        return false;
    }

    boolean atMost(String value, int max, String field, ProblemSink sink) {
        if (value.length() <= max) {
            return true;
        }
        sink.problem(msg.too_long(field, max));
        return false;
    }
}
