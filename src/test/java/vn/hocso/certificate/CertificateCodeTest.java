package vn.hocso.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateCodeTest {

    @Test
    void codesHaveTenCharactersWithoutLookAlikes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = CertificateCode.generate();
            assertTrue(code.matches("[A-HJKMNP-Z2-9]{10}"), code);
            seen.add(code);
        }
        assertEquals(2000, seen.size(), "random codes do not repeat");
    }

    @Test
    void typedCodesAreAcceptedInAnyCaseWithSpacesOrDashes() {
        assertEquals(Optional.of("ABCDEFGHJK"), CertificateCode.normalise(" abcde-fghjk "));
        assertEquals(Optional.of("ABCDEFGHJK"), CertificateCode.normalise("ABCDE FGHJK"));
    }

    @Test
    void somethingThatCannotBeACodeIsRejectedBeforeAnyLookup() {
        assertEquals(Optional.empty(), CertificateCode.normalise("ABCDE"));
        assertEquals(Optional.empty(), CertificateCode.normalise("ABCDEFGHJ0"));
        assertEquals(Optional.empty(), CertificateCode.normalise("' or 1=1 --"));
        assertEquals(Optional.empty(), CertificateCode.normalise(null));
    }

    @Test
    void codesAreShownInTwoGroups() {
        assertEquals("ABCDE-FGHJK", CertificateCode.display("ABCDEFGHJK"));
    }
}
