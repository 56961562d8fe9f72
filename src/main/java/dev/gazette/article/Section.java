package dev.gazette.article;

/** The desk an article belongs to (World, Politics, Technology…); every article has exactly one. */
public record Section(String slug, String name) {
    public static Section named(String name) {
        String trimmed = name.strip();
        return new Section(Slugs.slugify(trimmed), trimmed);
    }
}
