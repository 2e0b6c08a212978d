package vn.hocso.org;

import java.time.LocalDate;
import java.util.List;

/**
 * Fired inside the merge's transaction: features whose data hangs on units (people, their assignments) move it from
 * the merged units to their successor, so the merge and everything that follows from it commit or fail together.
 */
public record UnitsMerged(List<Long> merged, long successor, LocalDate from) {}
