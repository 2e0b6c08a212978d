package vn.hocso.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards VerifiedBearerTokens' reliance on Quarkus OIDC internals: on a real bearer request (a token signed with a
 * test key the API tenant is given, so no provider is needed) OIDC must still put the tenant on the routing context
 * and the token's expiry on the identity under the names VerifiedBearerTokens reads. This fails the day Quarkus
 * renames either attribute.
 */
@QuarkusTest
@TestProfile(BearerTokenAssumptionsTest.LocalSigningKey.class)
class BearerTokenAssumptionsTest {

    /** The API tenant verifies with the public half of the test key instead of the provider's keys. */
    public static class LocalSigningKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                RSAPrivateCrtKey key = signingKey();
                byte[] publicKey = KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()))
                        .getEncoded();
                // Quarkus OIDC uses a configured public key only when the tenant has no provider address
                return Map.of(
                        "quarkus.oidc.api.auth-server-url",
                        "",
                        "quarkus.oidc.api.public-key",
                        Base64.getEncoder().encodeToString(publicKey));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    VerifiedBearerTokens tokens;

    @Test
    void quarkusOidcStillNamesTheTenantAndTheExpiryOfABearerRequest() {
        String token = token("assumption-" + System.nanoTime(), Instant.now().plusSeconds(300));
        int remembered = tokens.remembered();
        long answered = tokens.answeredFromMemory();
        long unnamed = tokens.unnamedIdentities();

        given().auth().oauth2(token).when().get("/api/me/enrolments").then().statusCode(200);
        assertEquals(
                unnamed,
                tokens.unnamedIdentities(),
                "Quarkus OIDC no longer sets the routing-context attribute '" + VerifiedBearerTokens.TENANT
                        + "' or the identity attribute '" + VerifiedBearerTokens.EXPIRES
                        + "' on a verified bearer request; VerifiedBearerTokens relies on both");
        assertEquals(
                remembered + 1,
                tokens.remembered(),
                "a token OIDC verified was not remembered: VerifiedBearerTokens' assumptions about Quarkus OIDC"
                        + " ('" + VerifiedBearerTokens.TENANT + "', '" + VerifiedBearerTokens.EXPIRES
                        + "', augmentors seeing the routing context) no longer hold");

        given().auth().oauth2(token).when().get("/api/me/enrolments").then().statusCode(200);
        assertEquals(
                answered + 1,
                tokens.answeredFromMemory(),
                "Quarkus OIDC no longer sets the routing-context attribute '" + VerifiedBearerTokens.TENANT
                        + "' before identity providers are asked, so a remembered token is never found");
    }

    private static String token(String subject, Instant expires) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"sub\":\"" + subject + "\",\"preferred_username\":\"" + subject + "\",\"iat\":" + now
                + ",\"exp\":" + expires.getEpochSecond() + ",\"realm_access\":{\"roles\":[\"hocvien\"]}}";
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signed = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signingKey());
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + url.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key made for this test only (src/test/resources/account/bearer-test-key.pem), trusted nowhere else. */
    static RSAPrivateCrtKey signingKey() throws GeneralSecurityException {
        try (InputStream in = BearerTokenAssumptionsTest.class.getResourceAsStream("/account/bearer-test-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
