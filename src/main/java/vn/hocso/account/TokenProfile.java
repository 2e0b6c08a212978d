package vn.hocso.account;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What the identity provider tells us about a person at first sign-in. */
record TokenProfile(String fullName, String email, String phone, boolean emailVerified, String locale) {

    /**
     * Claims the provider allows to be longer than our columns (Keycloak: 255 characters per name part) must not
     * make a first sign-in fail: the name is cut to its column, an over-long email or phone is left for the person
     * to give on the profile page.
     */
    TokenProfile {
        fullName = fullName.codePointCount(0, fullName.length()) > Person.MAX_NAME
                ? fullName.substring(0, fullName.offsetByCodePoints(0, Person.MAX_NAME))
                        .strip()
                : fullName;
        email = email != null && email.length() > Person.MAX_EMAIL ? null : email;
        phone = phone != null && phone.length() > Person.MAX_PHONE ? null : phone;
    }

    static TokenProfile of(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return new TokenProfile(identity.getPrincipal().getName(), null, null, false, null);
        }
        return new TokenProfile(
                fullName(jwt),
                trimmed(jwt.getClaim("email")),
                trimmed(jwt.getClaim("phone_number")),
                "true".equals(trimmed(jwt.getClaim("email_verified"))),
                trimmed(jwt.getClaim("locale")));
    }

    /**
     * Vietnamese names are written family name first ("Nguyễn Văn An"); providers such as Keycloak compose
     * {@code name} as given + family, so the parts are put in Vietnamese order when both are present.
     */
    static String fullName(JsonWebToken jwt) {
        String family = trimmed(jwt.getClaim("family_name"));
        String given = trimmed(jwt.getClaim("given_name"));
        if (family != null && given != null) {
            return family + " " + given;
        }
        String name = trimmed(jwt.getClaim("name"));
        if (name != null) {
            return name;
        }
        String username = trimmed(jwt.getClaim("preferred_username"));
        return username != null ? username : jwt.getName();
    }

    private static String trimmed(Object claim) {
        if (claim == null) {
            return null;
        }
        String s = claim.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }
}
