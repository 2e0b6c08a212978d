package vn.hocso.unitadmin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;

/** People of the caller's scope, in SQL that names the scope: a person outside it is never read. */
@ApplicationScoped
class PeopleQuery {

    static final int PAGE_SIZE = 50;

    /** One person as a unit admin's list shows them. */
    record PersonRow(
            long id,
            String fullName,
            String email,
            String phone,
            String civilServantId,
            String targetGroup,
            String position,
            long unitId,
            String unitName,
            String unitCode,
            boolean signedIn) {}

    /** A page of people, and whether there is another. */
    record Page(List<PersonRow> rows, int page, boolean hasNext) {}

    private static final String SELECT = """
            select p.person_id, p.full_name, p.email, p.phone, p.civil_servant_id, p.target_group, p.position,
                   t.unit_id, t.name, t.code, p.subject is not null
            from person_in_unit p
            join unit_tree t on t.unit_id = p.unit_id
            where t.path like any(:scope)""";

    @Inject
    EntityManager em;

    /**
     * @param text part of a name (diacritics ignored), an e-mail or a phone; empty for everyone
     * @param unitPath only people of this subtree (within the scope), or null
     */
    Page list(String[] scope, String text, String unitPath, int page) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (!text.isEmpty()) {
            sql.append(
                    " and (lower(f_unaccent(p.full_name)) like :text or lower(p.email) like :text or p.phone like :text)");
        }
        if (unitPath != null) {
            sql.append(" and t.path like :unitPath");
        }
        sql.append(" order by p.full_name, p.person_id limit :limit offset :offset");
        Query q = em.createNativeQuery(sql.toString()).setParameter("scope", scope);
        if (!text.isEmpty()) {
            q.setParameter("text", "%" + SearchFold.fold(text) + "%");
        }
        if (unitPath != null) {
            q.setParameter("unitPath", unitPath + "%");
        }
        q.setParameter("limit", PAGE_SIZE + 1).setParameter("offset", (long) page * PAGE_SIZE);
        List<PersonRow> rows = rows(q.getResultList());
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, page, more);
    }

    Optional<PersonRow> find(String[] scope, long personId) {
        List<PersonRow> rows = rows(em.createNativeQuery(SELECT + " and p.person_id = :id")
                .setParameter("scope", scope)
                .setParameter("id", personId)
                .getResultList());
        return rows.stream().findFirst();
    }

    private static List<PersonRow> rows(List<?> result) {
        return result.stream()
                .map(o -> (Object[]) o)
                .map(r -> new PersonRow(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        ((Number) r[7]).longValue(),
                        (String) r[8],
                        (String) r[9],
                        (Boolean) r[10]))
                .toList();
    }
}
