package dev.gazette.syndication;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleFilter;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Articles;
import dev.gazette.article.Paged;
import dev.gazette.article.Picture;
import dev.gazette.article.Pictures;
import dev.gazette.article.Source;
import dev.gazette.article.Tag;
import dev.gazette.comment.Comment;
import dev.gazette.comment.Comments;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes everything (stories in every state, their replies in every state) as a WordPress export (WXR), which
 * WordPress and Gazette import, or as JSON. Written as a stream, a page of stories at a time.
 *
 * <p>In the WXR, each picture a story uses (its lead picture, pictures in its text) is an attachment item as
 * WordPress writes them: its address is the widest variant's public URL, its alt text in {@code
 * _wp_attachment_image_alt}, its caption as the excerpt, its credit in {@link #CREDIT_META} and as the description
 * (WordPress has no credit field; that is where its editors would see it). The lead picture is the story's {@code
 * _thumbnail_id}; pictures in the text are given by absolute address.
 */
public final class SiteExport {
    private static final int PAGE = 100;
    private static final String WP = "http://wordpress.org/export/1.2/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The post meta that carries a picture's credit, which WordPress has no field for. */
    static final String CREDIT_META = "_gazette_credit";
    // A picture's variant in a story's text, as the editor puts it there (site-local) or as a page gives it (absolute).
    private static final Pattern VARIANT_IN_TEXT = Pattern.compile(
            "(?<![^\\s(\"'=,])(?<site>https?://[^\\s\"'<>()]+)?/media/(?<id>[0-9a-f]{32})-[0-9]{1,5}\\.(?:jpg|png)");

    private final Articles articles;
    private final Comments comments;
    private final Pictures pictures;

    public SiteExport(Articles articles, Comments comments) {
        this(articles, comments, Pictures.NONE);
    }

    /** @param pictures the site's pictures, written as attachments of the stories that use them */
    public SiteExport(Articles articles, Comments comments, Pictures pictures) {
        this.articles = articles;
        this.comments = comments;
        this.pictures = pictures;
    }

    /** The WordPress eXtended RSS that Tools → Import → WordPress reads. Returns the number of stories. */
    public int wxr(OutputStream out, String siteTitle, String siteUrl) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("rss");
            x.writeAttribute("version", "2.0");
            x.writeNamespace("excerpt", EXCERPT);
            x.writeNamespace("content", CONTENT);
            x.writeNamespace("dc", DC);
            x.writeNamespace("wp", WP);
            x.writeStartElement("channel");
            element(x, null, "title", siteTitle);
            element(x, null, "link", siteUrl);
            element(x, WP, "wxr_version", "1.2");
            element(x, WP, "base_site_url", siteUrl);
            element(x, WP, "base_blog_url", siteUrl);
            Attachments attachments = new Attachments(lastArticleId());
            int count = 0;
            for (int page = 1; ; page++) {
                Paged<Article> batch = articles.forStaff(everything(), page, PAGE);
                for (Article a : batch.items()) {
                    item(x, a, siteUrl, attachments);
                    count++;
                }
                if (!batch.hasNext()) break;
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            return count;
        } catch (XMLStreamException e) {
            throw new IOException("The export could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * The highest story id: attachments are numbered after it, as WordPress numbers posts and attachments in one
     * sequence (its importer maps {@code _thumbnail_id} and {@code post_parent} through those numbers).
     */
    private long lastArticleId() {
        long last = 0;
        for (int page = 1; ; page++) {
            Paged<Article> batch = articles.forStaff(everything(), page, PAGE);
            for (Article a : batch.items()) last = Math.max(last, a.id());
            if (!batch.hasNext()) return last;
        }
    }

    /** The attachment numbers given so far: each picture is written once, under the first story that uses it. */
    private static final class Attachments {
        private final Map<String, Long> numbers = new HashMap<>();
        private long next;

        Attachments(long lastArticleId) {
            this.next = lastArticleId + 1;
        }
    }

    private void item(XMLStreamWriter x, Article a, String siteUrl, Attachments attachments) throws XMLStreamException {
        Map<String, Picture> used = new LinkedHashMap<>();
        a.leadImage().flatMap(pictures::find).ifPresent(p -> used.put(p.id(), p));
        Matcher m = VARIANT_IN_TEXT.matcher(a.bodyMarkdown());
        while (m.find()) {
            String site = m.group("site");
            if (site != null && !site.equals(siteUrl)) continue; // another site's picture, linked: not ours to give
            if (!used.containsKey(m.group("id"))) pictures.find(m.group("id")).ifPresent(p -> used.put(p.id(), p));
        }
        Map<String, Long> fresh = new LinkedHashMap<>();
        for (String id : used.keySet()) {
            if (!attachments.numbers.containsKey(id)) {
                attachments.numbers.put(id, attachments.next);
                fresh.put(id, attachments.next++);
            }
        }
        x.writeStartElement("item");
        element(x, null, "title", a.title());
        element(x, null, "link", siteUrl + "/articles/" + a.slug());
        element(x, DC, "creator", a.author());
        x.writeStartElement("guid");
        x.writeAttribute("isPermaLink", "false");
        x.writeCharacters(siteUrl + "/?p=" + a.id());
        x.writeEndElement();
        element(x, CONTENT, "encoded", absolute(a.bodyMarkdown(), siteUrl));
        element(x, EXCERPT, "encoded", a.summary());
        element(x, WP, "post_id", String.valueOf(a.id()));
        element(x, WP, "post_date_gmt", a.publishedAt().map(WP_DATE::format).orElse("0000-00-00 00:00:00"));
        element(x, WP, "post_name", a.slug());
        element(x, WP, "status", switch (a.state()) {
            case PUBLISHED -> "publish";
            case SCHEDULED -> "future";
            case DRAFT -> "draft";
        });
        element(x, WP, "post_type", "post");
        category(x, "category", a.section().slug(), a.section().name());
        for (Tag t : a.tags()) category(x, "post_tag", t.slug(), t.name());
        Optional<String> lead = a.leadImage().filter(used::containsKey);
        if (lead.isPresent()) meta(x, "_thumbnail_id", String.valueOf(attachments.numbers.get(lead.get())));
        for (Comment c : comments.all(a)) {
            x.writeStartElement("wp", "comment", WP);
            element(x, WP, "comment_id", String.valueOf(c.id()));
            element(x, WP, "comment_author", c.authorName());
            element(x, WP, "comment_author_email", c.authorEmail());
            element(x, WP, "comment_author_url", c.authorUrl());
            element(x, WP, "comment_author_IP", c.ip());
            element(x, WP, "comment_date_gmt", WP_DATE.format(c.createdAt()));
            element(x, WP, "comment_content", c.bodyMarkdown());
            element(x, WP, "comment_approved", switch (c.state()) {
                case APPROVED -> "1";
                case PENDING -> "0";
                case SPAM -> "spam";
                case TRASH -> "trash";
            });
            element(x, WP, "comment_type", "comment");
            element(x, WP, "comment_parent", c.parentId().map(String::valueOf).orElse("0"));
            x.writeEndElement();
        }
        x.writeEndElement();
        for (Map.Entry<String, Long> f : fresh.entrySet()) attachment(x, used.get(f.getKey()), f.getValue(), a, siteUrl);
    }

    /** One picture as WordPress's export writes an attachment, parented to the story that first uses it. */
    private static void attachment(XMLStreamWriter x, Picture p, long number, Article parent, String siteUrl)
            throws XMLStreamException {
        String url = siteUrl + p.largest();
        String date = WP_DATE.format(parent.publishedAt().orElse(parent.createdAt()));
        x.writeStartElement("item");
        element(x, null, "title", p.alt());
        element(x, null, "link", url);
        element(x, DC, "creator", parent.author());
        x.writeStartElement("guid");
        x.writeAttribute("isPermaLink", "false");
        x.writeCharacters(url);
        x.writeEndElement();
        element(x, null, "description", "");
        element(x, CONTENT, "encoded", p.credit());
        element(x, EXCERPT, "encoded", p.caption());
        element(x, WP, "post_id", String.valueOf(number));
        element(x, WP, "post_date", date);
        element(x, WP, "post_date_gmt", date);
        element(x, WP, "post_name", p.id());
        element(x, WP, "status", "inherit");
        element(x, WP, "post_parent", String.valueOf(parent.id()));
        element(x, WP, "post_type", "attachment");
        element(x, WP, "attachment_url", url);
        meta(x, "_wp_attachment_image_alt", p.alt());
        if (p.hasCredit()) meta(x, CREDIT_META, p.credit());
        x.writeEndElement();
    }

    private static void meta(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        x.writeStartElement("wp", "postmeta", WP);
        element(x, WP, "meta_key", key);
        element(x, WP, "meta_value", value);
        x.writeEndElement();
    }

    /** The story's text with its own pictures' site-local addresses made absolute, so they load from anywhere. */
    private static String absolute(String text, String siteUrl) {
        Matcher m = VARIANT_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group("site") != null ? m.group() : siteUrl + m.group()));
        }
        return m.appendTail(out).toString();
    }

    private static void category(XMLStreamWriter x, String domain, String slug, String name) throws XMLStreamException {
        x.writeStartElement("category");
        x.writeAttribute("domain", domain);
        x.writeAttribute("nicename", slug);
        x.writeCharacters(name);
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String ns, String name, String text) throws XMLStreamException {
        if (ns == null) {
            x.writeStartElement(name);
        } else {
            x.writeStartElement(ns, name);
        }
        x.writeCharacters(text);
        x.writeEndElement();
    }

    /** Everything as JSON: stories with their source and replies. Returns the number of stories. */
    public int json(OutputStream out) throws IOException {
        try (JsonGenerator j = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            j.useDefaultPrettyPrinter();
            j.writeStartObject();
            j.writeStringField("format", "gazette-export-1");
            j.writeArrayFieldStart("articles");
            int count = 0;
            for (int page = 1; ; page++) {
                Paged<Article> batch = articles.forStaff(everything(), page, PAGE);
                for (Article a : batch.items()) {
                    article(j, a);
                    count++;
                }
                if (!batch.hasNext()) break;
            }
            j.writeEndArray();
            j.writeEndObject();
            return count;
        }
    }

    private void article(JsonGenerator j, Article a) throws IOException {
        j.writeStartObject();
        j.writeNumberField("id", a.id());
        j.writeStringField("slug", a.slug());
        j.writeStringField("title", a.title());
        j.writeStringField("summary", a.summary());
        j.writeStringField("bodyMarkdown", a.bodyMarkdown());
        j.writeStringField("author", a.author());
        j.writeStringField("section", a.section().name());
        j.writeArrayFieldStart("tags");
        for (Tag t : a.tags()) j.writeString(t.name());
        j.writeEndArray();
        j.writeStringField("state", a.state().code());
        j.writeStringField("createdAt", a.createdAt().toString());
        j.writeStringField("publishedAt", a.publishedAt().map(Instant::toString).orElse(null));
        j.writeStringField("updatedAt", a.updatedAt().toString());
        Optional<Source> s = a.source();
        if (s.isPresent()) {
            j.writeObjectFieldStart("source");
            j.writeStringField("headline", s.get().headline());
            j.writeStringField("outlet", s.get().outlet());
            j.writeStringField("agency", s.get().agency());
            j.writeStringField("url", s.get().url().orElse(null));
            j.writeEndObject();
        }
        j.writeArrayFieldStart("replies");
        for (Comment c : comments.all(a)) {
            j.writeStartObject();
            j.writeNumberField("id", c.id());
            if (c.parentId().isPresent()) j.writeNumberField("parentId", c.parentId().get());
            j.writeStringField("author", c.authorName());
            j.writeStringField("email", c.authorEmail());
            j.writeStringField("website", c.authorUrl());
            j.writeStringField("ip", c.ip());
            j.writeStringField("text", c.bodyMarkdown());
            j.writeStringField("state", c.state().code());
            j.writeStringField("createdAt", c.createdAt().toString());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    private static ArticleFilter everything() {
        return new ArticleFilter(Optional.<ArticleState>empty(), "", "", "");
    }
}
