package vn.hocso.codes;

import jakarta.persistence.AttributeConverter;
import java.lang.reflect.ParameterizedType;

/**
 * Maps a {@link Coded} enum to its code column. Each enum has a one-line subclass marked
 * {@code @Converter(autoApply = true)} ({@code class Column extends CodedConverter<MyEnum> {}}), so that entity fields
 * and query parameters of that type convert by themselves; the enum is read from that declaration.
 */
public abstract class CodedConverter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {

    private final Class<E> type;

    @SuppressWarnings("unchecked")
    protected CodedConverter() {
        type = (Class<E>) ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
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
