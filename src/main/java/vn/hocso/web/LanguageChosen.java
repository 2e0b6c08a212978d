package vn.hocso.web;

/** Someone used the language switch ('vi' or 'en'); the account remembers it for a signed-in person's e-mail. */
public record LanguageChosen(String language) {}
