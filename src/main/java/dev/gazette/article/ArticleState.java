package dev.gazette.article;

import java.util.Locale;

/** Where an article is in its life: only scheduled articles whose time has come and published ones are public. */
public enum ArticleState {
    DRAFT, SCHEDULED, PUBLISHED;

    /** The value stored in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ArticleState ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
