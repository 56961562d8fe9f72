package dev.gazette.spam;

/** The kind of submission, in Akismet's vocabulary. */
public enum CommentType {
    COMMENT("comment"),
    REPLY("reply"),
    TRACKBACK("trackback"),
    PINGBACK("pingback"),
    CONTACT_FORM("contact-form"),
    SIGNUP("signup"),
    MESSAGE("message");

    private final String wireName;

    CommentType(String wireName) {
        this.wireName = wireName;
    }

    /** The Akismet name, e.g. {@code contact-form}. */
    public String wireName() {
        return wireName;
    }

    /** Parses an Akismet name; unknown or blank names count as a plain comment, as Akismet does. */
    public static CommentType fromWireName(String name) {
        if (name != null) {
            for (CommentType t : values()) {
                if (t.wireName.equalsIgnoreCase(name.trim()) || t.name().equalsIgnoreCase(name.trim())) {
                    return t;
                }
            }
        }
        return COMMENT;
    }
}
