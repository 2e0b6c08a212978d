package vn.hocso.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VietnamesePhoneTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0912 345 678",
                "+84912345678",
                "84-912-345-678",
                "0912.345.678",
                "(091) 234 5678",
                "912345678",
                "0084 912 345 678"
            })
    void mobileNumbersAsPeopleWriteThemAreOneNumber(String written) {
        assertEquals(Optional.of("+84912345678"), VietnamesePhone.normalise(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "0212345678", "+1 202 555 0100", "09123456789", "abc", "0912 345 67x"})
    void otherTextIsNotAVietnameseMobileNumber(String written) {
        assertEquals(Optional.empty(), VietnamesePhone.normalise(written));
    }
}
