package dev.gazette.article;

/** What became of an editor's save: stored, refused because someone saved first, the slug is taken, or it is gone. */
public sealed interface SaveResult {
    /** The article as it is now stored. */
    record Stored(Article article) implements SaveResult {}

    /** Someone saved since the editor loaded the article; this is their version, untouched. */
    record Stale(Article current) implements SaveResult {}

    /** Another article already lives at this address. */
    record SlugTaken(String slug) implements SaveResult {}

    /** The article was deleted meanwhile. */
    record Missing() implements SaveResult {}
}
