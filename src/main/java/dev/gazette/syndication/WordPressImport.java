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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    // An old upload's address in a post's HTML, its resized copies ("-300x200") included; or a Gazette picture's
    // variant ("/media/{id}-960.jpg"), as another Gazette's export has them.
    private static final Pattern UPLOAD_URL = Pattern.compile(
            "https?://[^\\s\"'<>()]+(?:" + Pattern.quote(AttachmentFiles.UPLOADS) + "[^\\s\"'<>()]+|"
                    + Pattern.quote(AttachmentFiles.MEDIA) + AttachmentFiles.VARIANT + ")");
    private static final Pattern SIZE_SUFFIX = Pattern.compile(
            "(?:-[0-9]{1,5}x[0-9]{1,5}|(?<=" + Pattern.quote(AttachmentFiles.MEDIA) + "[0-9a-f]{32})-[0-9]{1,5})"
                    + "(\\.[A-Za-z0-9]+)$");
    private static final Pattern SRCSET_ATTRIBUTE = Pattern.compile("\\s(?:srcset|sizes)=(\"[^\"]*\"|'[^']*')");

    private final Articles articles;
    private final Comments comments;
    private final PictureIntake pictures;
    private final AttachmentFiles files;

    public WordPressImport(Articles articles, Comments comments) {
        this(articles, comments, PictureIntake.NONE, null);
    }

    /**
     * @param pictures where attachments become the site's pictures
     * @param files    where attachments' files are read from; null to leave pictures out
     */
    public WordPressImport(Articles articles, Comments comments, PictureIntake pictures, AttachmentFiles files) {
        this.articles = articles;
        this.comments = comments;
        this.pictures = pictures;
        this.files = files;
    }

    /**
     * @param learn called with each imported reply that was approved (false) or spam (true): what --train-shield
     *              teaches the shield
     */
    public Report importFile(Path wxr, BiConsumer<Comment, Boolean> learn) throws IOException {
        int items = check(wxr);
        Report report = new Report(items);
        Map<String, PictureIntake.Taken> byPostId = new HashMap<>();
        Map<String, PictureIntake.Taken> byUrl = new HashMap<>();
        try (InputStream in = Files.newInputStream(wxr)) {
            // Attachments first, wherever they stand in the file: posts name them by id and by address.
            XMLStreamReader xml = reader(in);
            while (files != null && xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("item")) {
                    Item item = readItem(xml);
                    if (item.fields.getOrDefault("post_type", "").equals("attachment")) {
                        importAttachment(item, report).ifPresent(taken -> {
                            byPostId.put(item.fields.getOrDefault("post_id", "").strip(), taken);
                            byUrl.put(withoutSize(item.fields.getOrDefault("attachment_url", "").strip()), taken);
                        });
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("The export could not be read at line " + e.getLocation().getLineNumber() + ": "
                    + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(wxr)) {
            XMLStreamReader xml = reader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("item")) {
                    importItem(readItem(xml), report, learn, byPostId, byUrl);
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

    /** An image attachment made one of the site's pictures; empty (and said in the report) when it cannot be. */
    private Optional<PictureIntake.Taken> importAttachment(Item item, Report report) {
        String url = item.fields.getOrDefault("attachment_url", "").strip();
        String title = item.fields.getOrDefault("title", "").strip();
        String shown = url.isEmpty() ? "(attachment " + item.fields.getOrDefault("post_id", "?") + ")" : url;
        if (url.isEmpty()) {
            report.skipped.add("picture " + shown + " — no attachment_url");
            return Optional.empty();
        }
        String alt = item.meta.getOrDefault("_wp_attachment_image_alt", "").strip();
        if (alt.isEmpty()) alt = title.isEmpty() ? "Picture" : title;
        try {
            PictureIntake.Taken taken = pictures.take(files.read(url), alt, item.fields.getOrDefault("excerpt", ""),
                    item.meta.getOrDefault(SiteExport.CREDIT_META, ""));
            report.pictures++;
            return Optional.of(taken);
        } catch (IOException | RuntimeException e) {
            report.skipped.add("picture " + shown + " — " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * An upload's address without WordPress's size suffix (or a Gazette variant's width): the original the resized
     * copies were made from.
     */
    private static String withoutSize(String url) {
        return SIZE_SUFFIX.matcher(url).replaceFirst("$1");
    }

    /** The post's HTML with old uploads that became pictures pointing at them (their old srcset dropped). */
    private static String rewritePictures(String html, Map<String, PictureIntake.Taken> byUrl) {
        if (byUrl.isEmpty()) return html;
        String rewritten = UPLOAD_URL.matcher(html).replaceAll(m -> {
            PictureIntake.Taken taken = byUrl.get(withoutSize(m.group()));
            return Matcher.quoteReplacement(taken == null ? m.group() : taken.src());
        });
        // WordPress's srcset lists the old copies; the page gives each picture its own.
        return rewritten.equals(html) ? html : SRCSET_ATTRIBUTE.matcher(rewritten).replaceAll("");
    }

    private void importItem(Item item, Report report, BiConsumer<Comment, Boolean> learn,
                            Map<String, PictureIntake.Taken> byPostId, Map<String, PictureIntake.Taken> byUrl) {
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
        Optional<String> lead = Optional.ofNullable(byPostId.get(item.meta.getOrDefault("_thumbnail_id", "").strip()))
                .map(PictureIntake.Taken::id);
        ArticleDraft draft = new ArticleDraft(title, item.fields.getOrDefault("excerpt", "").strip(),
                rewritePictures(item.fields.getOrDefault("content", ""), byUrl), item.fields.getOrDefault("creator", "Staff"),
                item.categories.isEmpty() ? "News" : item.categories.get(0), item.tags, state,
                state == ArticleState.DRAFT ? Optional.empty() : date.or(() -> Optional.of(Instant.EPOCH)),
                Optional.empty(), lead);
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
            } else if (comment == null && name.equals("postmeta") && isWp(xml)) {
                readMeta(xml, item.meta);
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

    /** One wp:postmeta pair, leaving the reader on its end tag; the first value of each key is kept. */
    private static void readMeta(XMLStreamReader xml, Map<String, String> meta) throws XMLStreamException {
        String key = null;
        String value = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("postmeta")) break;
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            if (xml.getLocalName().equals("meta_key")) key = text(xml).strip();
            else if (xml.getLocalName().equals("meta_value")) value = text(xml);
        }
        if (key != null && value != null) meta.putIfAbsent(key, value);
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
        final Map<String, String> meta = new HashMap<>();
        final List<String> categories = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        final List<Map<String, String>> comments = new ArrayList<>();
    }

    /** What an import did. */
    public static final class Report {
        private final int items;
        private int posts;
        private int replies;
        private int pictures;
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

        /** Attachments that became pictures. */
        public int pictures() {
            return pictures;
        }

        public List<String> skipped() {
            return List.copyOf(skipped);
        }
    }
}
