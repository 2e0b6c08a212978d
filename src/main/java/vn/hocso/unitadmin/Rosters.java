package vn.hocso.unitadmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.PersonWrites;
import vn.hocso.audit.Audit;
import vn.hocso.config.HocsoConfig;
import vn.hocso.storage.ObjectStore;
import vn.hocso.web.Refusal;

/**
 * Roster imports (ORG-3): a dry run keeps the file in the object store and the plan row by row; apply re-plans from
 * the same file in one transaction and writes only if the plan is still the one shown, so it writes exactly what the
 * admin saw, and importing the same file again changes nothing.
 */
@ApplicationScoped
class Rosters {

    @Inject
    MeterRegistry registry;

    /** The import counters exist from the start, at zero. */
    void onStart(@Observes StartupEvent event) {
        for (String kind : List.of(RosterImport.ROSTER, RosterImport.UNITS)) {
            registry.counter("hocso.roster.imports", "kind", kind);
            registry.counter("hocso.roster.import.rows", "kind", kind);
        }
    }

    @Inject
    RosterPlanner planner;

    @Inject
    PersonWrites writes;

    @Inject
    ObjectStore store;

    @Inject
    CurrentUser currentUser;

    @Inject
    Audit audit;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    HocsoConfig config;

    @Inject
    UnitPlanner unitPlanner;

    @Inject
    vn.hocso.org.OrgTree tree;

    /** The file's table, or a refusal in the person's language naming the row and column. */
    List<TableFile.Line> read(String kind, byte[] bytes, UnitAdminMessages msg) {
        try {
            return TableFile.read(
                    bytes,
                    RosterImport.UNITS.equals(kind) ? UnitPlanner.COLUMNS : RosterPlanner.COLUMNS,
                    config.roster().maxRows());
        } catch (TableFile.Refused r) {
            throw new Refusal(Response.Status.BAD_REQUEST, FileProblems.text(msg, r));
        }
    }

    private List<PlanRow> plan(String kind, List<TableFile.Line> lines, Scope scope) {
        return RosterImport.UNITS.equals(kind) ? unitPlanner.plan(lines) : planner.plan(lines, scope.paths());
    }

    @Transactional
    RosterImport dryRun(String kind, byte[] bytes, String fileName, Scope scope, UnitAdminMessages msg) {
        List<TableFile.Line> lines = read(kind, bytes, msg);
        List<PlanRow> plan = plan(kind, lines, scope);
        RosterImport r = new RosterImport();
        r.kind = kind;
        r.adminId = currentUser.person().id;
        r.fileName = fileName == null || fileName.isBlank() ? "roster" : cut(fileName, 255);
        r.fileKey = kind + "s/" + UUID.randomUUID() + (TableFile.isXlsx(bytes) ? ".xlsx" : ".csv");
        r.fileSha256 = sha256(bytes);
        r.status = RosterImport.DRY_RUN;
        r.scopePaths = scope.paths().toArray(String[]::new);
        r.plan = toJson(plan);
        r.planHash = sha256(r.plan.getBytes(StandardCharsets.UTF_8));
        count(r, plan);
        store.put(
                r.fileKey,
                new ByteArrayInputStream(bytes),
                bytes.length,
                TableFile.isXlsx(bytes)
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : "text/csv");
        r.persist();
        return r;
    }

    /**
     * Writes what the dry run showed, or refuses (409) when the people or units it compared against changed since,
     * or when the caller's scope did. A second apply of the same import changes nothing.
     */
    @Transactional
    RosterImport apply(String kind, long id, Scope scope, UnitAdminMessages msg) {
        RosterImport r = visible(kind, id, scope);
        em.lock(r, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(r);
        if (r.isApplied()) {
            return r;
        }
        // one roster applied at a time: two admins importing the same new person must not both insert them
        em.createNativeQuery("select pg_advisory_xact_lock(4242001)").getSingleResult();
        // the store may have lost the file (a restore, a cleanup): nothing can be compared, nothing is written
        if (store.size(r.fileKey).isEmpty()) {
            throw new Refusal(Response.Status.CONFLICT, msg.roster_file_gone());
        }
        byte[] bytes;
        try (InputStream in = store.get(r.fileKey)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<PlanRow> plan = plan(kind, read(kind, bytes, msg), scope);
        String now = toJson(plan);
        if (!sha256(now.getBytes(StandardCharsets.UTF_8)).equals(r.planHash)) {
            throw new Refusal(Response.Status.CONFLICT, msg.roster_changed_since());
        }
        if (RosterImport.UNITS.equals(kind)) {
            applyUnits(plan);
        } else {
            applyPeople(plan);
            rosterApplied.fire(new RosterApplied(id));
        }
        r = RosterImport.findById(id);
        registry.counter("hocso.roster.imports", "kind", kind).increment();
        registry.counter("hocso.roster.import.rows", "kind", kind).increment(plan.size());
        r.status = RosterImport.APPLIED;
        r.appliedAt = OffsetDateTime.now();
        audit.record(
                kind + ".apply",
                "roster_import",
                r.id.toString(),
                null,
                "file=" + r.fileName + " new=" + r.newRows + " changed=" + r.changedRows + " moved=" + r.movedRows
                        + " unchanged=" + r.sameRows + " rejected=" + r.rejectedRows
                        + " (before/after of each row in roster_import.plan)");
        return r;
    }

    private void applyUnits(List<PlanRow> plan) {
        java.time.LocalDate today = vn.hocso.org.OrgTree.today();
        for (PlanRow row : plan) {
            if (row.outcome().equals(PlanRow.REJECTED) || row.outcome().equals(PlanRow.UNCHANGED)) {
                continue;
            }
            UnitPlanner.UnitRow u = UnitPlanner.unitRow(row);
            long parent = vn.hocso.org.OrgUnit.findCurrentByCode(u.parent()).orElseThrow().id;
            if (row.outcome().equals(PlanRow.NEW)) {
                tree.add(
                        parent,
                        u.code(),
                        u.name(),
                        vn.hocso.org.UnitKind.fromCode(u.kind()).orElseThrow(),
                        u.from());
                em.flush();
                continue;
            }
            if (row.outcome().equals(PlanRow.MOVED)) {
                tree.move(row.personId(), parent, today);
            }
            if (!row.changes().isEmpty()) {
                tree.rename(row.personId(), u.name(), today);
            }
            em.flush();
        }
    }

    private void applyPeople(List<PlanRow> plan) {
        List<PersonWrites.Profile> created = new ArrayList<>();
        List<PersonWrites.Update> updated = new ArrayList<>();
        for (PlanRow row : plan) {
            switch (row.outcome()) {
                case PlanRow.NEW -> created.add(row.profile());
                case PlanRow.CHANGED, PlanRow.MOVED ->
                    updated.add(new PersonWrites.Update(row.personId(), row.profile()));
                default -> {}
            }
        }
        writes.insert(created);
        writes.update(updated);
    }

    @Inject
    jakarta.enterprise.event.Event<RosterApplied> rosterApplied;

    /** An import the caller may see: every subtree it was made in lies within the caller's scope. */
    RosterImport visible(String kind, long id, Scope scope) {
        List<?> found = em.createNativeQuery("""
                        select r.id from roster_import r
                        where r.id = :id and r.kind = :kind and cardinality(r.scope_paths) > 0
                          and not exists (select 1 from unnest(r.scope_paths) sp where not (sp like any(:scope)))""")
                .setParameter("id", id)
                .setParameter("kind", kind)
                .setParameter("scope", scope.patterns())
                .getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException();
        }
        return RosterImport.findById(id);
    }

    @SuppressWarnings("unchecked")
    List<RosterImport> history(String kind, Scope scope) {
        List<Number> ids = em.createNativeQuery("""
                        select r.id from roster_import r
                        where r.kind = :kind and cardinality(r.scope_paths) > 0
                          and not exists (select 1 from unnest(r.scope_paths) sp where not (sp like any(:scope)))
                        order by r.created_at desc, r.id desc limit 100""")
                .setParameter("kind", kind)
                .setParameter("scope", scope.patterns())
                .getResultList();
        List<RosterImport> imports = new ArrayList<>();
        for (Number n : ids) {
            imports.add(RosterImport.findById(n.longValue()));
        }
        return imports;
    }

    List<PlanRow> plan(RosterImport r) {
        try {
            return json.readValue(r.plan, new TypeReference<List<PlanRow>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(List<PlanRow> plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void count(RosterImport r, List<PlanRow> plan) {
        for (PlanRow row : plan) {
            switch (row.outcome()) {
                case PlanRow.NEW -> r.newRows++;
                case PlanRow.CHANGED -> r.changedRows++;
                case PlanRow.MOVED -> r.movedRows++;
                case PlanRow.UNCHANGED -> r.sameRows++;
                default -> r.rejectedRows++;
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
