package vn.hocso.account;

/**
 * A person created from a roster signed in for the first time and was linked to their sign-in, by a verified e-mail
 * or a phone number from the token (never by name). Fired in the linking transaction, so its audit entry commits with
 * it.
 */
public record PersonLinked(long personId, String subject, String fullName, String matchedBy) {}
