package vn.hocso.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/**
 * Sign-in sessions that have ended, in PostgreSQL so that every instance knows at once. The session itself lives in
 * an encrypted cookie that stays valid until its tokens expire; a sign-out here (POST /logout) or at the provider
 * (back-channel logout) lists the provider's session id ({@code sid}), and {@link EndedSessionCheck} treats a
 * request carrying a listed session as anonymous.
 */
@ApplicationScoped
class EndedSessions {

    /**
     * How long an ended session is remembered: longer than any session can last at the provider (Keycloak's SSO
     * Session Max is 10 hours by default), after which its cookie cannot be refreshed anyway.
     */
    static final String KEPT = "30 days";

    @Inject
    AgroalDataSource db;

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessions;

    /**
     * Whether the session has ended: one statement on the primary key, asked on every request of a signed-in
     * browser. Plain JDBC, no transaction.
     */
    boolean hasEnded(String sid) {
        try (Connection connection = db.getConnection();
                PreparedStatement ended = connection.prepareStatement("select 1 from ended_session where sid = ?")) {
            ended.setString(1, sid);
            try (ResultSet r = ended.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell whether a session has ended: " + e.getMessage(), e);
        }
    }

    /** What a sign-in session's request learns in its one statement: whether it ended, and who the person is. */
    record Check(boolean ended, Long personId) {}

    /**
     * Whether the session has ended, and the id of the person of this subject (null before their first page): one
     * statement on two primary keys, asked on every request of a signed-in browser, so that the page resolves its
     * person without another round trip ({@link CurrentUser#personId}). Through a stateless session, no transaction.
     */
    Check check(String sid, String subject) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            Object[] row = session.createNativeQuery(
                            "select exists (select 1 from ended_session where sid = ?1),"
                                    + " (select id from person where subject = ?2)",
                            Object[].class)
                    .setParameter(1, sid)
                    .setParameter(2, subject)
                    .getSingleResult();
            return new Check((Boolean) row[0], row[1] == null ? null : ((Number) row[1]).longValue());
        }
    }

    /** Ends the session everywhere (again is harmless). */
    @Transactional
    void end(String sid) {
        em.createNativeQuery("insert into ended_session (sid) values (?1) on conflict (sid) do nothing")
                .setParameter(1, sid)
                .executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "5m")
    @Transactional
    void forgetOld() {
        em.createNativeQuery("delete from ended_session where ended_at < now() - cast('" + KEPT + "' as interval)")
                .executeUpdate();
    }
}
