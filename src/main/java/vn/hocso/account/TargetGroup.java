package vn.hocso.account;

import java.util.Arrays;
import java.util.Optional;

/** Who a course is for, and who a person is, in the training programme's terms. */
public enum TargetGroup {
    CIVIL_SERVANT("civil-servant"),
    COMMUNITY_TEAM("community-team"),
    CITIZEN("citizen");

    public final String code;

    TargetGroup(String code) {
        this.code = code;
    }

    public static Optional<TargetGroup> fromCode(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
    }
}
