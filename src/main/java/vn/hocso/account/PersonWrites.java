package vn.hocso.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import org.hibernate.Session;

/**
 * People written in bulk (roster imports): JDBC batches in the caller's transaction, so thousands of rows cost a few
 * round trips and an import commits or fails whole. The caller has checked every value.
 */
@ApplicationScoped
public class PersonWrites {

    /** A person's profile as a roster gives it; email and phone already normalised. */
    public record Profile(
            String fullName,
            String email,
            String phone,
            String civilServantId,
            long unitId,
            String targetGroup,
            String position) {}

    /** A change of an existing person to a profile. */
    public record Update(long personId, Profile profile) {}

    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<Profile> people) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into person (full_name, email, phone, civil_servant_id, unit_id, target_group, position)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                int n = 0;
                for (Profile p : people) {
                    bind(ps, p, 1);
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void update(List<Update> changes) {
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update person set full_name = ?, email = ?, phone = ?, civil_servant_id = ?, unit_id = ?,
                        target_group = ?, position = ?, updated_at = now()
                    where id = ?""")) {
                int n = 0;
                for (Update u : changes) {
                    bind(ps, u.profile(), 1);
                    ps.setLong(8, u.personId());
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
        em.clear();
    }

    private static void bind(PreparedStatement ps, Profile p, int at) throws java.sql.SQLException {
        ps.setString(at, p.fullName());
        setNullable(ps, at + 1, p.email());
        setNullable(ps, at + 2, p.phone());
        setNullable(ps, at + 3, p.civilServantId());
        ps.setLong(at + 4, p.unitId());
        setNullable(ps, at + 5, p.targetGroup());
        setNullable(ps, at + 6, p.position());
    }

    private static void setNullable(PreparedStatement ps, int at, String value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(at, Types.VARCHAR);
        } else {
            ps.setString(at, value);
        }
    }
}
