package vn.hocso.web;

/** The realm roles the identity provider puts in the access token (realm_access.roles). */
public final class Roles {
    public static final String LEARNER = "learner";
    public static final String TRAINER = "trainer";
    public static final String UNIT_ADMIN = "unit-admin";
    public static final String ADMIN = "admin";

    private Roles() {}
}
