package vn.hocso.course;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ForbiddenException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.hocso.web.Roles;

/**
 * Who may change a course: an admin, or a trainer who is one of its authors. Checked on the server against the
 * course itself, for every trainer page and API call (a trainer role alone opens no one else's course).
 */
@RequestScoped
@Named("authorship")
public class Authorship {

    @Inject
    SecurityIdentity identity;

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public boolean mayEdit(Course course) {
        if (identity.isAnonymous()) {
            return false;
        }
        return isAdmin() || (identity.hasRole(Roles.TRAINER) && CourseAuthor.isAuthor(course.id, logins()));
    }

    /** Refuses (403) anyone who may not edit {@code course}. */
    public void check(Course course) {
        if (!mayEdit(course)) {
            throw new ForbiddenException();
        }
    }

    /** The courses the signed-in trainer is an author of; every course for an admin. */
    public List<Course> editableCourses() {
        if (isAdmin()) {
            return Course.list("order by titleVi");
        }
        if (!identity.hasRole(Roles.TRAINER)) {
            return List.of();
        }
        List<Long> ids = CourseAuthor.courseIdsOf(logins());
        return ids.isEmpty() ? List.of() : Course.list("id in ?1 order by titleVi", ids);
    }

    /** The names an author list may know the signed-in person by: their sign-in name and their e-mail. */
    public Set<String> logins() {
        Set<String> logins = new LinkedHashSet<>();
        if (identity.isAnonymous()) {
            return logins;
        }
        logins.add(CourseAuthor.fold(identity.getPrincipal().getName()));
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            add(logins, jwt.getClaim("preferred_username"));
            // anyone can type any address when registering: only an address the provider verified names a person
            if (Boolean.TRUE.equals(jwt.getClaim("email_verified"))
                    || "true".equals(String.valueOf((Object) jwt.getClaim("email_verified")))) {
                add(logins, jwt.getClaim("email"));
            }
        }
        return logins;
    }

    private static void add(Set<String> logins, Object value) {
        if (value != null && !value.toString().isBlank()) {
            logins.add(CourseAuthor.fold(value.toString()));
        }
    }

    /** The sign-in name to record as the author of a course the signed-in person creates. */
    public String login() {
        return logins().iterator().next();
    }
}
