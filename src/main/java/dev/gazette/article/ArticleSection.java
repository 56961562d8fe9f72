package dev.gazette.article;

import io.javalin.http.Context;
import java.util.Map;

/** What another feature shows under every article (the replies), rendered for each request. */
public interface ArticleSection {
    ArticleSection NONE = (article, ctx) -> new Rendered("", Map.of());

    Rendered render(Article article, Context ctx);

    /**
     * The section's HTML with placeholders for per-reader values (form tokens), and those values. Pages are
     * compared for "not modified" before the values go in.
     */
    record Rendered(String html, Map<String, String> fills) {
        public Rendered {
            fills = Map.copyOf(fills);
        }
    }
}
