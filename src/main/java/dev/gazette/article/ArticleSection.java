package dev.gazette.article;

import io.javalin.http.Context;

/** What another feature shows under every article (the replies), rendered for each request. */
public interface ArticleSection {
    ArticleSection NONE = (article, ctx) -> new Rendered("", "");

    Rendered render(Article article, Context ctx);

    /**
     * The section's HTML.
     *
     * @param sharedKey for a section that is the same for every reader: a cache key that changes whenever the
     *                  section does, so the whole page is prepared once and any cache may keep it; empty for a
     *                  reader's own view, which no cache may keep
     */
    record Rendered(String html, String sharedKey) {
        public boolean shared() {
            return !sharedKey.isEmpty();
        }
    }
}
