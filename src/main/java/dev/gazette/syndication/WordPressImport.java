package dev.gazette.syndication;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Articles;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentState;
import dev.gazette.comment.Comments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Imports a WordPress export (WXR): posts with their slugs, dates, authors, categories and tags, and their comments
 * with threads and states. It reads the file as a stream, twice: first only to check it, so a malformed file is
 * refused, with its line, before anything is written; then to import. A second run adds nothing.
 */
public final class WordPressImport {
    private static final String WP = "http://wordpress.org/export/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Articles articles;
    private final Comments comments;

    public WordPressImport(Articles articles, Comments comments) {
        this.articles = articles;
        this.comments = comments;
    }

    /**
     * @param learn called with each imported reply that was approved (false) or spam (true): what --train-shield
     *              teaches the shield
     */
    public Report importFile(Path wxr, BiConsumer<Comment, Boolean> learn) throws IOException {
        int items = check(wxr);
        Report report = new Report(items);
        try (InputStream in = Files.newInputStream(wxr)) {
            XMLStreamReader xml = reader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("item")) {
                    importItem(readItem(xml), report, learn);
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("The export could not be read at line " + e.getLocation().getLineNumber() + ": "
                    + e.getMessage(), e);
        }
        return report;
    }

    /** Reads the whole file once without writing: how many items, or where it is broken. */
    private static int check(Path wxr) throws IOException {
        int items = 0;
        try (InputStream in = Files.newInputStream(wxr)) {
            XMLStreamReader xml = reader(in);
            boolean rss = false;
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    if (xml.getLocalName().equals("rss")) rss = true;
                    if (xml.getLocalName().equals("item")) items++;
                }
            }
            if (!rss) throw new IOException("This is not a WordPress export: it has no <rss> element.");
            return items;
        } catch (XMLStreamException e) {
            throw new IOException("Nothing was imported: the export is malformed at line "
                    + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + " ("
                    + e.getMessage().replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "") + ")", e);
        }
    }

    private static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // No DTDs and no external entities: an export is data, never instructions to fetch anything.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory.createXMLStreamReader(in);
    }

    private void importItem(Item item, Report report, BiConsumer<Comment, Boolean> learn) {
        if (!item.fields.getOrDefault("post_type", "post").equals("post")) return;
        String title = item.fields.getOrDefault("title", "").strip();
        String guid = "wordpress:" + item.fields.getOrDefault("guid", item.fields.getOrDefault("post_id", title));
        if (title.isEmpty()) {
            report.skipped.add("(untitled post) — no title");
            return;
        }
        if (articles.alreadyImported(guid, "", "")) {
            report.skipped.add(title + " — already imported");
            return;
        }
        ArticleState state = switch (item.fields.getOrDefault("status", "publish")) {
            case "publish" -> ArticleState.PUBLISHED;
            case "future" -> ArticleState.SCHEDULED;
            default -> ArticleState.DRAFT;
        };
        Optional<Instant> date = date(item.fields.get("post_date_gmt"));
        ArticleDraft draft = new ArticleDraft(title, item.fields.getOrDefault("excerpt", "").strip(),
                item.fields.getOrDefault("content", ""), item.fields.getOrDefault("creator", "Staff"),
                item.categories.isEmpty() ? "News" : item.categories.get(0), item.tags, state,
                state == ArticleState.DRAFT ? Optional.empty() : date.or(() -> Optional.of(Instant.EPOCH)),
                Optional.empty());
        Article article = articles.importStory(draft, guid, item.fields.getOrDefault("post_name", "").strip());
        report.posts++;
        Map<String, Comment> byWpId = new HashMap<>();
        for (Map<String, String> c : item.comments) {
            CommentState cs = switch (c.getOrDefault("comment_approved", "0")) {
                case "1" -> CommentState.APPROVED;
                case "spam" -> CommentState.SPAM;
                case "trash", "post-trashed" -> CommentState.TRASH;
                default -> CommentState.PENDING;
            };
            Optional<Comment> parent = Optional.ofNullable(byWpId.get(c.getOrDefault("comment_parent", "0")));
            Comment stored = comments.intake().importReply(article.id(), parent, c.getOrDefault("comment_author", ""),
                    c.getOrDefault("comment_author_email", ""), c.getOrDefault("comment_author_url", ""),
                    c.getOrDefault("comment_content", ""), cs, c.getOrDefault("comment_author_IP", ""),
                    date(c.get("comment_date_gmt")).orElse(article.shownDate()));
            byWpId.put(c.getOrDefault("comment_id", ""), stored);
            report.replies++;
            if (cs == CommentState.SPAM || cs == CommentState.APPROVED) learn.accept(stored, cs == CommentState.SPAM);
        }
    }

    private static Optional<Instant> date(String wp) {
        if (wp == null || wp.isBlank() || wp.startsWith("0000")) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(wp.strip(), WP_DATE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Reads one item, with its categories, tags and comments, leaving the reader after its end tag. */
    private static Item readItem(XMLStreamReader xml) throws XMLStreamException {
        Item item = new Item();
        Map<String, String> comment = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("item")) return item;
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("comment") && isWp(xml)) {
                // A reply nested in another closes twice; the outer end has no reply of its own left.
                if (comment != null) item.comments.add(comment);
                comment = null;
            }
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            String name = xml.getLocalName();
            String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
            if (name.equals("comment") && isWp(xml)) {
                comment = new HashMap<>();
            } else if (comment != null) {
                comment.put(name, text(xml));
            } else if (name.equals("category")) {
                String domain = xml.getAttributeValue(null, "domain");
                String value = text(xml).strip();
                if ("post_tag".equals(domain)) item.tags.add(value);
                else if ("category".equals(domain)) item.categories.add(value);
            } else if (name.equals("encoded")) {
                item.fields.put(ns.contains("excerpt") ? "excerpt" : "content", text(xml));
            } else {
                // Anything else, post meta of plugins included, is read past; the first of each name is kept.
                item.fields.putIfAbsent(name, text(xml));
            }
        }
        return item;
    }

    /** The text inside the current element, nested elements' text included, leaving the reader on its end tag. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
            else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) text.append(xml.getText());
        }
        return text.toString();
    }

    private static boolean isWp(XMLStreamReader xml) {
        return xml.getNamespaceURI() != null && xml.getNamespaceURI().startsWith(WP);
    }

    private static final class Item {
        final Map<String, String> fields = new HashMap<>();
        final List<String> categories = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        final List<Map<String, String>> comments = new ArrayList<>();
    }

    /** What an import did. */
    public static final class Report {
        private final int items;
        private int posts;
        private int replies;
        private final List<String> skipped = new ArrayList<>();

        Report(int items) {
            this.items = items;
        }

        public int items() {
            return items;
        }

        public int posts() {
            return posts;
        }

        public int replies() {
            return replies;
        }

        public List<String> skipped() {
            return List.copyOf(skipped);
        }
    }
}
