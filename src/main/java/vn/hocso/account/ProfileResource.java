package vn.hocso.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.org.OrgUnit;
import vn.hocso.web.Flash;
import vn.hocso.web.FormErrors;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Redirects;

/** Signing in, and the profile a learner completes on first sign-in (unit, target group). */
@Path("/")
@Authenticated
class ProfileResource {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .-]{8,20}");

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance profile(
                ProfileForm form,
                Person person,
                List<OrgUnit> units,
                TargetGroup[] groups,
                FormErrors errors,
                String next,
                String accountPage);
    }

    /** The identity provider's own account page (Keycloak's), where the e-mail and password are changed. */
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String identityProvider;

    @Inject
    CurrentUser currentUser;

    @Inject
    Flash flash;

    @Inject
    Locales locales;

    /** Where "Sign in" leads: the OIDC code flow runs before this method, which then sends the person on. */
    @GET
    @Path("login")
    public Response login(@QueryParam("next") String next) {
        String target = Redirects.localOrHome(next == null ? Links.myLearning() : next);
        if (!currentUser.person().isProfileComplete()) {
            return Response.seeOther(URI.create(Links.profile(target))).build();
        }
        return Response.seeOther(URI.create(target)).build();
    }

    @GET
    @Path("profile")
    public TemplateInstance show(@QueryParam("next") String next) {
        Person person = currentUser.person();
        return page(ProfileForm.of(person), person, new FormErrors(), next);
    }

    @POST
    @Path("profile")
    @Transactional
    public Response save(@BeanParam ProfileForm form) {
        Person person = currentUser.person();
        FormErrors errors = validate(form);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(form, person, errors, form.next))
                    .build();
        }
        person.fullName = form.fullName.strip();
        person.phone = blankToNull(form.phone);
        person.unitId = form.unit().orElseThrow();
        person.targetGroup = TargetGroup.fromCode(form.targetGroup).orElseThrow();
        person.position = blankToNull(form.position);
        flash.show(locales.messages(AccountMessages.class).saved());
        return Response.seeOther(URI.create(Redirects.localOrHome(form.next == null ? Links.myLearning() : form.next)))
                .build();
    }

    private TemplateInstance page(ProfileForm form, Person person, FormErrors errors, String next) {
        return Templates.profile(
                form,
                person,
                OrgUnit.listCurrentProvinces(),
                TargetGroup.values(),
                errors,
                Redirects.localOrHome(next == null ? Links.myLearning() : next),
                identityProvider + "/account");
    }

    private FormErrors validate(ProfileForm form) {
        AccountMessages msg = locales.messages(AccountMessages.class);
        FormErrors errors = new FormErrors();
        if (form.fullName == null
                || form.fullName.isBlank()
                || form.fullName.strip().length() > Person.MAX_NAME) {
            errors.add("fullName", msg.error_full_name());
        }
        if (form.phone != null
                && !form.phone.isBlank()
                && !PHONE.matcher(form.phone.strip()).matches()) {
            errors.add("phone", msg.error_phone());
        }
        if (form.unit().flatMap(OrgUnit::findCurrent).isEmpty()) {
            errors.add("unitId", msg.error_unit());
        }
        if (form.targetGroup == null || TargetGroup.fromCode(form.targetGroup).isEmpty()) {
            errors.add("targetGroup", msg.error_target_group());
        }
        if (form.position != null && form.position.strip().length() > 200) {
            errors.add("position", msg.error_position());
        }
        return errors;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The profile form as submitted (or as stored, when first shown). */
    public static class ProfileForm {
        @FormParam("fullName")
        public String fullName;

        @FormParam("phone")
        public String phone;

        @FormParam("unitId")
        public String unitId;

        @FormParam("targetGroup")
        public String targetGroup;

        @FormParam("position")
        public String position;

        @FormParam("next")
        public String next;

        Optional<Long> unit() {
            try {
                return unitId == null ? Optional.empty() : Optional.of(Long.parseLong(unitId.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        static ProfileForm of(Person p) {
            ProfileForm f = new ProfileForm();
            f.fullName = p.fullName;
            f.phone = p.phone;
            f.unitId = p.unitId == null ? null : p.unitId.toString();
            f.targetGroup = p.targetGroup == null ? null : p.targetGroup.code();
            f.position = p.position;
            return f;
        }
    }
}
