package vn.hocso.codes;

import jakarta.persistence.AttributeConverter;

/**
 * Maps a {@link Coded} enum to its code column. Each enum has a one-line subclass marked
 * {@code @Converter(autoApply = true)}, so that entity fields and query parameters of that type convert by themselves.
 */
public abstract class CodedConverter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected CodedConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.code();
    }

    @Override
    public E convertToEntityAttribute(String code) {
        if (code == null) {
            return null;
        }
        // the schema's CHECK constraint lists the same codes: a value outside them means the two drifted apart
        return Coded.fromCode(type, code)
                .orElseThrow(() -> new IllegalStateException(
                        "unknown " + type.getSimpleName() + " code in the database: " + code));
    }
}
