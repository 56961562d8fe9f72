package dev.gazette.account;

/** A person who runs the site. */
public record StaffUser(long id, String email, String name, Role role) {}
