package dev.gazette.syndication;

import dev.gazette.article.Article;
import dev.gazette.web.Format;
import dev.gazette.web.Site;
import java.util.List;

/** The sitemaps.org XML listing every public article, for search engines. */
final class Sitemap {
    private Sitemap() {}

    static String of(Site site, List<Article> articles) {
        StringBuilder xml = new StringBuilder(256 + articles.size() * 160)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, site.url("/"), articles.isEmpty() ? null : Format.iso(articles.get(0).updatedAt()));
        url(xml, site.url("/about"), null);
        for (Article a : articles) {
            url(xml, site.url("/articles/" + a.slug()), Format.iso(a.updatedAt()));
        }
        return xml.append("</urlset>\n").toString();
    }

    private static void url(StringBuilder xml, String loc, String lastmod) {
        xml.append("  <url><loc>").append(escape(loc)).append("</loc>");
        if (lastmod != null) xml.append("<lastmod>").append(lastmod).append("</lastmod>");
        xml.append("</url>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
