package vn.hocso.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The version of what anonymous visitors see of the catalogue (V67): moved on by the database at every change of a
 * course, module, lesson, category or search document, whoever makes it. Read in plain JDBC, outside any transaction:
 * it is the one statement a kept anonymous page costs.
 */
@ApplicationScoped
public class CatalogueVersion {

    private static final String CURRENT = "select version from catalogue_version where id = 1";

    @Inject
    DataSource dataSource;

    /** The version now; blocking. */
    public long current() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CURRENT);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("catalogue_version has no row (V67)");
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue version", e);
        }
    }
}
