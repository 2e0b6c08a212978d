package vn.hocso.unitadmin;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.hocso.account.Person;
import vn.hocso.config.HocsoConfig;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Roles;

/** System admins load communes, villages and teams from a CSV or XLSX file, by the roster rules: dry run, apply. */
@Path("/admin/units/imports")
@RolesAllowed(Roles.ADMIN)
class UnitImportResource {

    @Inject
    Rosters rosters;

    @Inject
    Scope scope;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @Inject
    HocsoConfig config;

    @GET
    public TemplateInstance list() {
        return RosterResource.Templates.rosters(
                place(),
                rosters.history(RosterImport.UNITS, scope).stream()
                        .map(r -> new RosterResource.ImportView(
                                r, Person.<Person>findById(r.adminId).fullName, Links.adminUnitImport(r.id)))
                        .toList());
    }

    @POST
    public Response upload(@RestForm("file") FileUpload file) {
        RosterImport r = rosters.dryRun(
                RosterImport.UNITS, RosterResource.bytes(file, config, msg()), file.fileName(), scope, msg());
        return Response.seeOther(URI.create(Links.adminUnitImport(r.id))).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        RosterImport r = rosters.visible(RosterImport.UNITS, id, scope);
        List<PlanRow> plan = rosters.plan(r);
        return RosterResource.Templates.roster(
                place(),
                r,
                Links.adminUnitImportApply(r.id),
                plan.stream()
                        .limit(RosterResource.SHOWN)
                        .map(row -> RosterResource.view(row, msg()))
                        .toList(),
                plan.size());
    }

    @POST
    @Path("{id}/apply")
    public Response apply(@PathParam("id") long id) {
        rosters.apply(RosterImport.UNITS, id, scope, msg());
        flash.show(msg().roster_applied());
        return Response.seeOther(URI.create(Links.adminUnitImport(id))).build();
    }

    private RosterResource.Place place() {
        UnitAdminMessages msg = msg();
        return new RosterResource.Place(
                msg.import_units_title(),
                msg.units_upload_help(),
                Links.adminUnitImports(),
                Links.adminUnitImports(),
                true);
    }

    private UnitAdminMessages msg() {
        return locales.messages(UnitAdminMessages.class);
    }
}
