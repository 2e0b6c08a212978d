package vn.hocso.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A statement built from parts, each with its own values, so that a filter adds its condition and its value in one
 * place and an unset filter adds neither. Arrays are bound as PostgreSQL arrays (text[] or bigint[]).
 */
final class ReportSql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    ReportSql add(String sql, Object... bound) {
        text.append(sql);
        values.addAll(Arrays.asList(bound));
        return this;
    }

    Object[] values() {
        return values.toArray();
    }

    String text() {
        return text.toString();
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text.toString());
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof String[] a) {
                ps.setArray(i + 1, c.createArrayOf("text", a));
            } else if (v instanceof Long[] a) {
                ps.setArray(i + 1, c.createArrayOf("bigint", a));
            } else {
                ps.setObject(i + 1, v);
            }
        }
        return ps;
    }
}
