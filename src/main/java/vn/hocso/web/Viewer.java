package vn.hocso.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Who is looking at a page, as far as the layout needs to know (the menu): read from the sign-in alone, so that the
 * layout every feature uses depends on no feature.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    @Inject
    SecurityIdentity identity;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    /** Trainers and admins author courses (which ones is checked per course, not here). */
    public boolean isTrainer() {
        return identity.hasRole(Roles.TRAINER) || isAdmin();
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** A unit admin (or a system admin, who may do what unit admins do, over the whole country). */
    public boolean isUnitAdmin() {
        return identity.hasRole(Roles.UNIT_ADMIN) || isAdmin();
    }

    /** The menu this viewer sees, as a short key: a page kept for many people is kept per menu (PageParts). */
    public String menu() {
        return (isSignedIn() ? "s" : "")
                + (isTrainer() ? "t" : "")
                + (isUnitAdmin() ? "u" : "")
                + (isAdmin() ? "a" : "");
    }
}
