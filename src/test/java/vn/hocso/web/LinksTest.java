package vn.hocso.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void lessonAddressesNestUnderTheirCourse() {
        assertEquals("/courses/an-toan/lessons/otp", Links.lesson("an-toan", "otp"));
        assertEquals("/courses/an-toan/lessons/otp/quiz/attempts", Links.quizAttempts("an-toan", "otp"));
        assertEquals("/trainer/courses/an-toan/lessons/otp/video/captions", Links.trainerCaptions("an-toan", "otp"));
        assertEquals("/courses/an-toan", Links.lessonOrCourse("an-toan", null));
    }

    @Test
    void segmentsAndQueryValuesAreEncoded() {
        assertEquals("/courses/a%2Fb%20c", Links.course("a/b c"));
        assertEquals(
                "/courses?page=2&q=d%E1%BB%8Bch+v%E1%BB%A5&group=citizen",
                Links.cataloguePage(2, "dịch vụ", null, "citizen"));
        assertEquals("/profile?next=%2Fmy%3Fx%3D1", Links.profile("/my?x=1"));
    }
}
