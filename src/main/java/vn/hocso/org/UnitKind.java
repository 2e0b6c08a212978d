package vn.hocso.org;

import jakarta.persistence.Converter;
import java.util.Optional;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** What a unit is; which kind may sit under which is the shape of the tree (no district level since 2025). */
public enum UnitKind implements Coded {
    COUNTRY,
    MINISTRY,
    AGENCY,
    PROVINCE,
    COMMUNE,
    VILLAGE,
    TEAM;

    /**
     * A ministry or agency and a province sit under the country; an agency also under a ministry or another agency;
     * communes and wards under a province; villages under a commune; community digital technology teams under a
     * commune or a village.
     */
    public boolean canHold(UnitKind child) {
        return switch (this) {
            case COUNTRY -> child == MINISTRY || child == AGENCY || child == PROVINCE;
            case MINISTRY, AGENCY -> child == AGENCY;
            case PROVINCE -> child == COMMUNE;
            case COMMUNE -> child == VILLAGE || child == TEAM;
            case VILLAGE -> child == TEAM;
            case TEAM -> false;
        };
    }

    /** The kinds a unit of this kind may hold, for forms. */
    public java.util.List<UnitKind> allowedChildren() {
        return java.util.Arrays.stream(values()).filter(this::canHold).toList();
    }

    public static Optional<UnitKind> fromCode(String code) {
        return Coded.fromCode(UnitKind.class, code);
    }

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<UnitKind> {}
}
