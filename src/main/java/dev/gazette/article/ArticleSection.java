package dev.gazette.article;

import io.javalin.http.Context;
import java.util.Map;

/** What another feature shows under every article (the replies), rendered for each request. */
public interface ArticleSection {
    ArticleSection NONE = (article, ctx) -> new Rendered("", Map.of(), "");

    Rendered render(Article article, Context ctx);

    /**
     * The section's HTML with placeholders for per-reader values (form tokens), and those values.
     *
     * @param sharedKey for a section that is the same for every reader: a cache key that changes whenever the
     *                  section does, so the whole page can be prepared once; empty for a reader's own view
     */
    record Rendered(String html, Map<String, String> fills, String sharedKey) {
        public Rendered {
            fills = Map.copyOf(fills);
        }

        /** The same section with other values for its placeholders. */
        public Rendered with(Map<String, String> values) {
            return new Rendered(html, values, sharedKey);
        }
    }
}
