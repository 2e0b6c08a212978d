package vn.hocso;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The app as {@link QueryPlans} needs it: the driver parses every execution of a statement (no server-side prepared
 * statements, which after a few uses are no longer parsed, so no longer traced) and its query executor may be traced.
 * A profile of its own, so that no other test runs that way.
 */
public class PlanProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.additional-jdbc-properties.prepareThreshold", "0",
                "quarkus.log.category.\"org.postgresql.core.v3.QueryExecutorImpl\".min-level", "TRACE");
    }
}
