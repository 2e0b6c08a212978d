package vn.hocso.unitadmin;

/** A roster was applied (in this transaction): features that follow people into units (open waves) catch up. */
public record RosterApplied(long importId) {}
