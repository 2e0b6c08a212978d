package vn.hocso.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.hocso.account.TargetGroup;
import vn.hocso.quiz.QuestionType;

class CodedTest {

    @Test
    void aCodeIsTheNameInLowerCaseWithHyphens() {
        assertEquals("community-team", TargetGroup.COMMUNITY_TEAM.code());
        assertEquals(List.of("civil-servant", "community-team", "citizen"), Coded.codes(TargetGroup.class));
    }

    @Test
    void anEnumMayChooseItsOwnCodes() {
        assertEquals("truefalse", QuestionType.TRUE_FALSE.code());
        assertEquals(Optional.of(QuestionType.TRUE_FALSE), Coded.fromCode(QuestionType.class, "truefalse"));
    }

    @Test
    void anUnknownOrMissingCodeIsNoConstant() {
        assertEquals(Optional.empty(), Coded.fromCode(TargetGroup.class, "CITIZEN"));
        assertEquals(Optional.empty(), Coded.fromCode(TargetGroup.class, null));
        assertEquals(Optional.empty(), Coded.fromCode(TargetGroup.class, ""));
    }
}
