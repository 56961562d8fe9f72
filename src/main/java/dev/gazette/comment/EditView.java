package dev.gazette.comment;

import dev.gazette.web.Page;

/** The model of the page where an author edits their own reply. */
public record EditView(Page page, long id, String articleTitle, String text, String error, String until,
                       String backUrl) {}
