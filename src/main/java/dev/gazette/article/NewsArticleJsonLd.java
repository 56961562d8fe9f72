package dev.gazette.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.web.Format;
import dev.gazette.web.Site;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** schema.org NewsArticle metadata for search engines, safe to place inside a script element. */
final class NewsArticleJsonLd {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NewsArticleJsonLd() {}

    static String of(Article a, Site site) {
        return of(a, site, Optional.empty());
    }

    static String of(Article a, Site site, Optional<Picture> lead) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("headline", a.title());
        json.put("description", a.summary());
        json.put("datePublished", Format.iso(a.shownDate()));
        json.put("dateModified", Format.iso(a.updatedAt()));
        json.put("author", List.of(Map.of("@type", "Person", "name", a.author())));
        json.put("publisher", Map.of("@type", "Organization", "name", site.title()));
        json.put("mainEntityOfPage", site.url("/articles/" + a.slug()));
        json.put("articleSection", a.section().name());
        json.put("keywords", a.tags().stream().map(Tag::name).toList());
        a.source().flatMap(Source::url).ifPresent(url -> json.put("isBasedOn", url));
        lead.ifPresent(p -> {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("@type", "ImageObject");
            image.put("url", site.url(p.largest()));
            image.put("width", p.largestWidth());
            image.put("height", p.largestHeight());
            if (p.hasCaption()) image.put("caption", p.caption());
            if (p.hasCredit()) image.put("creditText", p.credit());
            json.put("image", List.of(image));
        });
        try {
            // "<" as \u003c keeps "</script>" in a headline from closing the element early.
            return JSON.writeValueAsString(json).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Plain maps and strings always serialise", e);
        }
    }
}
