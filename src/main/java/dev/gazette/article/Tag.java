package dev.gazette.article;

/** A label shared by articles, addressed by its slug. */
public record Tag(String slug, String name) {
    /** A tag for a name as an editor typed it. */
    public static Tag named(String name) {
        String trimmed = name.strip();
        return new Tag(Slugs.slugify(trimmed), trimmed);
    }
}
