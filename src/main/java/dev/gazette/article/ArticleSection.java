package dev.gazette.article;

import io.javalin.http.Context;
import java.util.Map;

/** What another feature shows under every article (the replies), rendered for each request. */
public interface ArticleSection {
    ArticleSection NONE = (article, ctx) -> new Rendered("", Map.of(), "");

    Rendered render(Article article, Context ctx);

    /**
     * The section's HTML with placeholders for per-reader values (form tokens), those values, and the digest of
     * the HTML with its placeholders (computed once when the section is cached). Pages are compared for
     * "not modified" before the values go in.
     */
    record Rendered(String html, Map<String, String> fills, String digest) {
        public Rendered {
            fills = Map.copyOf(fills);
        }

        /** The same section with other values for its placeholders. */
        public Rendered with(Map<String, String> values) {
            return new Rendered(html, values, digest);
        }
    }
}
