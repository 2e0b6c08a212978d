package vn.hocso.e2e;

import static io.restassured.RestAssured.given;

/**
 * Keycloak's admin API for realm {@code hocso}, on the Keycloak the app signs in with, as the local stack's
 * development administrator (admin/admin).
 */
final class KeycloakAdmin {

    private final String keycloak;

    /** {@code realmUrl}: the app's issuer, e.g. http://127.0.0.1:8180/realms/hocso. */
    KeycloakAdmin(String realmUrl) {
        this.keycloak = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
    }

    String token() {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .when()
                .post(keycloak + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** An address of the realm's admin API: {@code ""} for the realm itself, "/users" and so on. */
    String url(String path) {
        return keycloak + "/admin/realms/hocso" + path;
    }
}
