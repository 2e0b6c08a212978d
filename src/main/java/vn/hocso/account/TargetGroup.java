package vn.hocso.account;

import jakarta.persistence.Converter;
import java.util.Optional;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/** Who a course is for, and who a person is, in the training programme's terms. */
public enum TargetGroup implements Coded {
    CIVIL_SERVANT,
    COMMUNITY_TEAM,
    CITIZEN;

    public static Optional<TargetGroup> fromCode(String code) {
        return Coded.fromCode(TargetGroup.class, code);
    }

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<TargetGroup> {}
}
