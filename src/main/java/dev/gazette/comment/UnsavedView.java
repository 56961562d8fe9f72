package dev.gazette.comment;

import dev.gazette.web.Page;

/** A reply the site could not save (the database away, the disk full), shown again to its writer to send later. */
public record UnsavedView(Page page, int status, String articlePath, FormView form) {}
