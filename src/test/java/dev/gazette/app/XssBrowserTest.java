package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.account.Role;
import dev.gazette.app.XssCorpus.Vector;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Source;
import dev.gazette.article.Tag;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentSettings;
import dev.gazette.comment.CommentStore;
import dev.gazette.comment.CommentState;
import dev.gazette.privacy.Retention;
import dev.gazette.syndication.SiteExport;
import dev.gazette.web.HeadlessChromium;
import dev.gazette.web.TestSite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The standing XSS check: every vector of xss-vectors.txt goes through every field a reader or staff member can
 * fill (through the real forms in Chromium for a sample, through the services for the bulk), and every page that
 * shows those fields is opened in real Chromium twice, with the site's CSP and with it bypassed, so that escaping
 * alone is proven. Nothing may run, the parsed DOM may hold nothing that could, and each stored value must be
 * shown as text: a sanitizer that dropped a reply fails here as surely as one that let it run.
 */
class XssBrowserTest {
    private static final String PASSWORD = "a long enough password";
    private static final String SEP = " ¦ ";
    /** Stories the vectors are spread over: few, so that few pages show them all. */
    private static final int ARTICLES = 7;

    static List<Vector> vectors;
    static TestSite site;
    static WebDriver browser;
    static ScriptProbe probe;
    /** What each page must show, by address; filled while the site is populated. */
    static final Map<String, List<Shown>> expected = new LinkedHashMap<>();

    /**
     * A value a page must show: as visible text inside the element the selector finds (the whole page when null),
     * or, with an attribute named, as that attribute's exact value after the browser parsed it.
     */
    record Shown(String selector, String attribute, String value) {
        static Shown text(String value) {
            return new Shown(null, null, value);
        }

        static Shown within(String selector, String value) {
            return new Shown(selector, null, value);
        }
    }

    static void expect(String path, String... values) {
        for (String v : values) expected.computeIfAbsent(path, p -> new ArrayList<>()).add(Shown.text(v));
    }

    static void expect(String path, Shown shown) {
        expected.computeIfAbsent(path, p -> new ArrayList<>()).add(shown);
    }
    static final List<String> failures = new ArrayList<>();
    static String staffName;
    static int pagesOpened;

    @BeforeAll
    static void start() {
        vectors = XssCorpus.load();
        browser = HeadlessChromium.start(1280, 1600);
        probe = new ScriptProbe(browser);
        staffName = "Ada " + vectors.get(5).text();
        CommentSettings comments = new CommentSettings(false, true, 100, List.of(), List.of(), 0, false, 5, 500, false,
                5000, 100, 15, 0, 0, Retention.defaults());
        site = TestSite.start(false, 0, comments, g -> g.accounts().add("admin@example.org", staffName, Role.ADMIN,
                PASSWORD));
        articles = articlesThroughTheService();
        replies = repliesThroughTheService(articles);
    }

    static List<Article> articles;
    static Map<Long, Vector> replies;

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    @Test
    void theCorpusIsLargeAndEveryVectorWouldSignal() {
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(100);
        for (Vector v : vectors) {
            // Entities count as what they decode to: an attribute value is decoded before it runs.
            assertThat(org.jsoup.parser.Parser.unescapeEntities(v.text(), true)).as(v.toString())
                    .containsAnyOf("alert", "__xss", "confirm", "prompt", "print", "document.title", "PHNjcmlwdD5hbGVydC",
                            "PHN2ZyBvbmxvYWQ9YWxlcnQo");
        }
    }

    @Test
    void nothingRunsAndEveryValueIsShownAsText() throws Exception {
        assertThat(probe.control(site.url("/about"))).as("the hook records an injected handler with CSP bypassed")
                .anySatisfy(s -> assertThat(s).startsWith("alert:control"));

        signIn();
        settingsThroughTheForm();
        Article byForm = articleThroughTheEditor();
        readerThroughTheForm(articles.get(0));
        staffOnReplies();
        keysAndFeedsThroughTheForms();

        List<String> pages = new ArrayList<>();
        for (int p = 1; p <= (articles.size() + 1 + 9) / 10; p++) {
            pages.add("/?page=" + p);
            for (Article a : site.gazette().articles().latest(p, 10).items()) {
                expect("/?page=" + p, a.title(), a.summary(), a.author(), a.section().name());
            }
        }
        for (Article a : articles) pages.add("/articles/" + a.slug());
        pages.add("/articles/" + byForm.slug());
        pages.add("/sections/" + articles.get(0).section().slug());
        pages.add("/tags/" + articles.get(1).tags().get(0).slug());
        for (Vector v : List.of(vectors.get(5), vectors.get(98))) {
            String path = "/search?q=" + URLEncoder.encode(v.text(), StandardCharsets.UTF_8);
            pages.add(path);
            expect(path, new Shown("#search-q", "value", v.text().strip()));
        }
        pages.add("/nothing/" + URLEncoder.encode(vectors.get(0).text(), StandardCharsets.UTF_8).replace("+", "%20"));
        pages.add("/articles/%22%3E%3Csvg%20onload=alert(1)%3E");
        pages.addAll(List.of("/feed.xml", "/atom.xml", "/comments/feed.xml", "/comments/atom.xml",
                "/articles/" + articles.get(0).slug() + "/comments/atom.xml",
                "/articles/" + articles.get(1).slug() + "/comments/feed.xml",
                "/tags/" + articles.get(0).tags().get(0).slug() + "/feed.xml"));
        pages.add("/admin");
        for (int p = 1; p <= (replies.size() + 24) / 25; p++) pages.add(queuePage(CommentState.APPROVED, p));
        for (CommentState state : List.of(CommentState.PENDING, CommentState.SPAM, CommentState.TRASH)) {
            pages.add(queuePage(state, 1));
        }
        String search = "/admin/replies?state=approved&q=" + URLEncoder.encode(vectors.get(18).text(), StandardCharsets.UTF_8);
        pages.add(search);
        expect(search, new Shown("input[name=q]", "value", vectors.get(18).text()));
        pages.add("/admin/replies?state=" + URLEncoder.encode(vectors.get(0).text(), StandardCharsets.UTF_8));
        for (long id : replies.keySet().stream().skip(1).limit(1).toList()) {
            Comment c = site.gazette().comments().find(id).orElseThrow();
            pages.add("/admin/replies/" + id + "/edit");
            expect("/admin/replies/" + id + "/edit", new Shown("#comment", "value", c.bodyMarkdown()));
            expect("/admin/replies/" + id + "/edit", c.authorName());
            pages.add("/admin/replies/" + id + "/reply");
            expect("/admin/replies/" + id + "/reply", Shown.within("blockquote.reply-body", replies.get(id).shownInReply()));
        }
        pages.add("/admin/articles?page=1");
        pages.add("/admin/articles?page=2");
        for (Article a : site.gazette().articles().forStaff(new dev.gazette.article.ArticleFilter(Optional.empty(), "", "", ""),
                1, 25).items()) {
            expect("/admin/articles?page=1", a.title(), a.author(), a.section().name());
        }
        String filtered = "/admin/articles?tag=" + URLEncoder.encode(vectors.get(1).text(), StandardCharsets.UTF_8)
                + "&q=" + URLEncoder.encode(vectors.get(2).text(), StandardCharsets.UTF_8);
        pages.add(filtered);
        // The tag filter shows the tag's slug, by design; the text filter keeps what was typed.
        expect(filtered, new Shown("input[name=tag]", "value", dev.gazette.article.Slugs.slugify(vectors.get(1).text())));
        expect(filtered, new Shown("input[name=q]", "value", vectors.get(2).text()));
        for (Article a : articles.subList(0, 2)) {
            String edit = "/admin/articles/" + a.id() + "/edit";
            pages.add(edit);
            // A one-line input drops line breaks from its value, as the HTML standard says.
            expect(edit, new Shown("#title", "value", a.title().replaceAll("[\r\n]", "")));
            expect(edit, new Shown("#body", "value", a.bodyMarkdown()));
            expect(edit, new Shown("#sourceHeadline", "value", a.source().orElseThrow().headline().replaceAll("[\r\n]", "")));
            pages.add("/admin/articles/" + a.id() + "/delete");
            expect("/admin/articles/" + a.id() + "/delete", a.title());
        }
        pages.addAll(List.of("/admin/settings", "/admin/keys", "/admin/feeds", "/admin/people"));

        for (boolean bypass : List.of(true, false)) {
            probe.bypassCsp(bypass);
            for (String path : pages) check(path, bypass);
        }
        shoot("/articles/" + articles.get(1).slug(), "xss-article.png");
        shoot(queuePage(CommentState.APPROVED, 1), "xss-queue.png");

        assertThat(failures).as(pagesOpened + " pages opened").isEmpty();
    }

    /** A page of the queue, with what each of its rows must show. */
    static String queuePage(CommentState state, int page) {
        String path = "/admin/replies?state=" + state.code() + "&page=" + page;
        for (Comment c : site.gazette().comments().queue(new CommentStore.QueueFilter(state, Optional.empty(), ""), page,
                25).items()) {
            String row = "li#reply-" + c.id();
            for (String v : List.of(c.authorName(), c.authorEmail(), c.authorUrl())) expect(path, Shown.within(row, v));
            Vector v = replies.get(c.id());
            if (v != null && c.bodyMarkdown().equals(v.text())) expect(path, Shown.within(row + " .reply-body", v.shownInReply()));
        }
        return path;
    }

    @Test
    void feedsKeepEveryValueAsText() throws Exception {
        for (Article a : site.gazette().articles().latest(1, 1000).items()) {
            org.w3c.dom.Document feed = xml(site.get("/articles/" + a.slug() + "/comments/feed.xml").body());
            NodeList items = feed.getElementsByTagName("item");
            List<Comment> approved = site.gazette().comments().approved(a);
            assertThat(items.getLength()).as("replies in the feed of " + a.slug()).isEqualTo(Math.min(20, approved.size()));
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                String title = text(item, "title");
                String html = text(item, "content:encoded");
                Comment c = approved.stream().filter(r -> title.startsWith("Reply by " + r.authorName() + " to"))
                        .findFirst().orElseThrow(() -> new AssertionError("no stored reply for the feed title " + title));
                assertThat(html.strip()).as("the feed carries the sanitized HTML as text").isEqualTo(c.bodyHtml().strip());
                assertThat(Jsoup.parse(html).select("script, img, svg, iframe, [onerror], [onload]")).isEmpty();
            }
        }
        org.w3c.dom.Document site_ = xml(site.get("/atom.xml").body());
        NodeList entries = site_.getElementsByTagName("entry");
        for (int i = 0; i < entries.getLength(); i++) {
            String title = text((Element) entries.item(i), "title");
            assertThat(site.gazette().articles().latest(1, 1000).items()).extracting(Article::title).contains(title);
        }
    }

    @Test
    void exportsRoundTripEveryValue() throws Exception {
        List<Article> articles = site.gazette().articles().latest(1, 1000).items();
        SiteExport export = new SiteExport(site.gazette().articles(), site.gazette().comments());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        export.json(json);
        JsonNode root = new ObjectMapper().readTree(json.toByteArray());
        Map<Long, JsonNode> byId = new LinkedHashMap<>();
        root.get("articles").forEach(n -> byId.put(n.get("id").asLong(), n));
        ByteArrayOutputStream wxr = new ByteArrayOutputStream();
        export.wxr(wxr, "Test", site.url(""));
        org.w3c.dom.Document doc = xml(wxr.toString(StandardCharsets.UTF_8));
        NodeList items = doc.getElementsByTagName("item");
        Map<String, Element> wxrByTitle = new LinkedHashMap<>();
        for (int i = 0; i < items.getLength(); i++) wxrByTitle.put(text((Element) items.item(i), "title"), (Element) items.item(i));
        for (Article a : articles) {
            JsonNode n = byId.get(a.id());
            assertThat(n.get("title").asText()).isEqualTo(a.title());
            assertThat(n.get("summary").asText()).isEqualTo(a.summary());
            assertThat(n.get("bodyMarkdown").asText()).isEqualTo(a.bodyMarkdown());
            assertThat(n.get("author").asText()).isEqualTo(a.author());
            assertThat(n.get("section").asText()).isEqualTo(a.section().name());
            List<String> tags = new ArrayList<>();
            n.get("tags").forEach(t -> tags.add(t.asText()));
            assertThat(tags).containsExactlyElementsOf(a.tags().stream().map(Tag::name).toList());
            Element item = wxrByTitle.get(a.title());
            assertThat(item).as("WXR item titled " + a.title()).isNotNull();
            assertThat(text(item, "content:encoded")).isEqualTo(a.bodyMarkdown());
            assertThat(text(item, "excerpt:encoded")).isEqualTo(a.summary());
            assertThat(text(item, "dc:creator")).isEqualTo(a.author());
            List<Comment> all = site.gazette().comments().all(a);
            JsonNode replies = n.get("replies");
            NodeList wxrReplies = item.getElementsByTagName("wp:comment");
            assertThat(replies.size()).isEqualTo(all.size());
            assertThat(wxrReplies.getLength()).isEqualTo(all.size());
            for (int i = 0; i < all.size(); i++) {
                Comment c = all.get(i);
                assertThat(replies.get(i).get("author").asText()).isEqualTo(c.authorName());
                assertThat(replies.get(i).get("email").asText()).isEqualTo(c.authorEmail());
                assertThat(replies.get(i).get("website").asText()).isEqualTo(c.authorUrl());
                assertThat(replies.get(i).get("text").asText()).isEqualTo(c.bodyMarkdown());
                Element w = (Element) wxrReplies.item(i);
                assertThat(text(w, "wp:comment_author")).isEqualTo(c.authorName());
                assertThat(text(w, "wp:comment_author_email")).isEqualTo(c.authorEmail());
                assertThat(text(w, "wp:comment_author_url")).isEqualTo(c.authorUrl());
                assertThat(text(w, "wp:comment_content")).isEqualTo(c.bodyMarkdown());
            }
        }
    }

    // ---- seeding

    /** The vectors dealt round-robin into {@code n} values, each vector once, joined by a visible separator. */
    static List<String> deal(List<Vector> from, int n, int offset) {
        List<StringBuilder> values = new ArrayList<>();
        for (int i = 0; i < n; i++) values.add(new StringBuilder());
        for (int i = 0; i < from.size(); i++) {
            StringBuilder value = values.get((i + offset) % n);
            if (value.length() > 0) value.append(SEP);
            value.append(from.get(i).text());
        }
        return values.stream().map(StringBuilder::toString).toList();
    }

    /** Greedy packing of vectors, in corpus order, into values of at most {@code limit} characters. */
    static List<String> pack(List<Vector> from, int limit) {
        List<String> packs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Vector v : from) {
            if (v.text().length() > limit) continue;
            if (current.length() > 0 && current.length() + SEP.length() + v.text().length() > limit) {
                packs.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) current.append(SEP);
            current.append(v.text());
        }
        if (current.length() > 0) packs.add(current.toString());
        return packs;
    }

    /**
     * Articles through the service, every vector once in each field. The service takes longer values than the
     * editor's form allows (the form's limits are checked in its own tests); the templates do not care, and it keeps
     * the pages to open few. The editor's form itself is driven in {@link #articleThroughTheEditor()}.
     */
    static List<Article> articlesThroughTheService() {
        List<String> titles = deal(vectors, ARTICLES, 0);
        List<String> summaries = deal(vectors, ARTICLES, 1);
        List<String> authors = deal(vectors, ARTICLES, 2);
        List<String> sections = deal(vectors, ARTICLES, 3);
        List<String> headlines = deal(vectors, ARTICLES, 4);
        List<String> outlets = deal(vectors, ARTICLES, 5);
        List<String> agencies = deal(vectors, ARTICLES, 6);
        List<Vector> tagVectors = vectors.stream().filter(v -> !v.text().contains(",")).toList();
        List<Article> made = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            int k = i;
            List<String> tags = IntStream.range(0, tagVectors.size()).filter(t -> t % ARTICLES == k)
                    .mapToObj(t -> "t" + t + " " + tagVectors.get(t).text()).toList();
            StringBuilder body = new StringBuilder("Opening paragraph of story " + i + ".\n\n");
            for (Vector v : bodyOrder(i)) {
                body.append("Before ").append(v.id()).append(".\n\n").append(v.text()).append("\n\n");
            }
            Source source = new Source(headlines.get(i), outlets.get(i), agencies.get(i),
                    Optional.of("https://src.example/" + vectors.get(i).text()));
            Article a = site.gazette().articles().create(new ArticleDraft(titles.get(i) + " (story " + i + ")",
                    summaries.get(i), body.toString(), authors.get(i), "S" + i + " " + sections.get(i), tags,
                    ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(3600 + i * 60L)), Optional.of(source)));
            made.add(a);
            String path = "/articles/" + a.slug();
            expect(path, Shown.within("h1", a.title()));
            expect(path, Shown.within(".standfirst", a.summary()));
            expect(path, Shown.within(".byline", a.author()));
            expect(path, Shown.within(".kicker", a.section().name()));
            expect(path, Shown.within(".reported", a.source().orElseThrow().agency()));
            expect(path, Shown.within(".source", a.source().orElseThrow().line()));
            expect(path, new Shown(".source a", "href", a.source().orElseThrow().url().orElseThrow()));
            for (Tag t : a.tags()) expect(path, Shown.within(".tags", t.name()));
            for (Vector v : bodyOrder(i)) expect(path, Shown.within(".article .body", "Before " + v.id() + "."));
            expect("/sections/" + a.section().slug(), a.title(), a.summary(), a.author(), a.section().name());
            for (Tag t : a.tags()) expect("/tags/" + t.slug(), a.title(), t.name());
            expect("/admin/articles/" + a.id() + "/delete", a.title());
        }
        return made;
    }

    /**
     * The vectors of story {@code i}'s body, a vector with an unclosed style element last: the article sanitizer
     * drops everything after one (an item of issue 11 fixed apart from this check); each "Before N." marker shows
     * that the words up to the vector were kept.
     */
    static List<Vector> bodyOrder(int i) {
        List<Vector> mine = new ArrayList<>();
        for (int v = i; v < vectors.size(); v += ARTICLES) mine.add(vectors.get(v));
        mine.sort(java.util.Comparator.comparing(v -> v.text().contains("<style>") && !v.text().contains("</style>")));
        return mine;
    }

    /**
     * One approved reply per vector, with the vector in its name, website, email and text, as the WordPress import
     * stores them (unchecked); spread so that each article's reply feed (20 items) holds all of its own.
     */
    static Map<Long, Vector> repliesThroughTheService(List<Article> articles) {
        Map<Long, Vector> made = new LinkedHashMap<>();
        for (Vector v : vectors) {
            Article on = articles.get(v.id() % articles.size());
            Comment c = site.gazette().comments().intake().importReply(on.id(), Optional.empty(), "R" + v.id() + " " + v.text(),
                    "r" + v.id() + "." + v.text() + "@example.org", "https://w.example/" + v.text(), v.text(),
                    CommentState.APPROVED, "192.0.2.1", Instant.now().minusSeconds(600));
            made.put(c.id(), v);
            String path = "/articles/" + on.slug();
            String reply = "#comment-" + c.id();
            expect(path, Shown.within(reply + " .author", c.authorName()));
            expect(path, Shown.within(reply + " .reply-body", v.shownInReply()));
            expect(path, new Shown(reply + " .author a", "href", c.authorUrl()));
        }
        // One reply in each other state, so that every tab of the queue shows vectors too.
        Article first = articles.get(0);
        for (CommentState state : List.of(CommentState.PENDING, CommentState.SPAM, CommentState.TRASH)) {
            Vector v = vectors.get(state.ordinal() + 20);
            Comment c = site.gazette().comments().intake().importReply(first.id(), Optional.empty(), "Q " + v.text(),
                    "q" + state.ordinal() + "@example.org", "", v.text(), state, "192.0.2.2", Instant.now());
            made.put(c.id(), v);
        }
        return made;
    }

    static void signIn() {
        browser.get(site.url("/admin/login"));
        browser.findElement(By.id("email")).sendKeys("admin@example.org");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.reply-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
    }

    /** Sets form fields as typed text (set through the DOM, which keeps every character a keyboard may not send). */
    static void fill(Map<String, String> fields) {
        for (Map.Entry<String, String> f : fields.entrySet()) {
            ((JavascriptExecutor) browser).executeScript(
                    "document.querySelector(arguments[0]).value = arguments[1];", f.getKey(), f.getValue());
        }
    }

    static void send(String button, Function<WebDriver, Boolean> arrived) {
        browser.findElement(By.cssSelector(button)).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(arrived::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Still at " + browser.getCurrentUrl() + ":\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    static String value(String selector) {
        return browser.findElement(By.cssSelector(selector)).getAttribute("value");
    }

    static String siteTitle;

    /** The site's title and description: on every public page from now on. */
    static void settingsThroughTheForm() {
        List<Vector> oneLine = vectors.stream().filter(v -> !v.text().contains("\n")).toList();
        siteTitle = pack(oneLine, 80).get(0);
        String description = pack(oneLine, 200).get(1);
        browser.get(site.url("/admin/settings"));
        fill(Map.of("#site-title", siteTitle, "#site-description", description));
        send("form.reply-form button[type=submit]", d -> d.getCurrentUrl().contains("saved"));
        assertThat(value("#site-title")).isEqualTo(siteTitle);
        assertThat(value("#site-description")).isEqualTo(description);
        expect("/admin/settings", new Shown("#site-title", "value", siteTitle));
        for (String path : List.of("/?page=1", "/about")) {
            expect(path, Shown.within(".brand", siteTitle));
            expect(path, Shown.within(".tagline", description));
        }
    }

    static Article articleThroughTheEditor() {
        // A one-line input drops line breaks as any browser does, so those fields get the one-line vectors.
        List<Vector> oneLine = vectors.stream().filter(v -> !v.text().contains("\n")).toList();
        browser.get(site.url("/admin/articles/new"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("#title", pack(oneLine, 200).get(3));
        fields.put("#summary", pack(vectors, 1000).get(1));
        // The editor refuses, with the text kept, a body whose picture it would leave out or whose tag never closes
        // (ArticleEditorHttpTest shows that); the rest go through it, and every vector goes through the service above.
        fields.put("#body", vectors.stream().map(Vector::text)
                .filter(text -> site.gazette().articles().bodyProblems(text).isEmpty())
                .collect(Collectors.joining("\n\nNext.\n\n")));
        fields.put("#author", pack(oneLine, 100).get(7));
        fields.put("#section", pack(oneLine, 60).get(9));
        fields.put("#tags", oneLine.stream().filter(v -> v.text().length() < 50 && !v.text().contains(","))
                .skip(40).limit(5).map(Vector::text).collect(Collectors.joining(", ")));
        fields.put("#sourceHeadline", pack(oneLine, 300).get(2));
        fields.put("#sourceOutlet", pack(oneLine, 300).get(3));
        fields.put("#sourceAgency", pack(oneLine, 300).get(4));
        fields.put("#sourceUrl", "https://src.example/'onmouseover='alert(1)");
        fill(fields);
        send("button[name=action][value=preview]", d -> !d.findElements(By.cssSelector("#preview p")).isEmpty());
        record("editor's preview (CSP on)", probe.seen(), List.of(Shown.within("#preview", "Next.")));
        for (Map.Entry<String, String> f : fields.entrySet()) {
            assertThat(value(f.getKey())).as("kept " + f.getKey()).isEqualTo(f.getValue());
        }
        send("button[name=action][value=publish]", d -> d.getCurrentUrl().matches(".*/admin/articles/\\d+/edit.*"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/admin/articles/(\\d+)/edit.*", "$1"));
        Article a = site.gazette().articles().find(id).orElseThrow();
        assertThat(List.of(a.title(), a.summary(), a.bodyMarkdown(), a.author(), a.section().name(),
                a.source().orElseThrow().headline(), a.source().orElseThrow().outlet(), a.source().orElseThrow().agency()))
                .containsExactly(fields.get("#title"), fields.get("#summary"), fields.get("#body"), fields.get("#author"),
                        fields.get("#section"), fields.get("#sourceHeadline"), fields.get("#sourceOutlet"),
                        fields.get("#sourceAgency"));
        String path = "/articles/" + a.slug();
        expect(path, Shown.within("h1", a.title()));
        expect(path, Shown.within(".standfirst", a.summary()));
        expect(path, Shown.within(".byline", a.author()));
        expect(path, Shown.within(".kicker", a.section().name()));
        expect(path, Shown.within(".source", a.source().orElseThrow().line()));
        for (Tag t : a.tags()) expect(path, Shown.within(".tags", t.name()));
        assertThat(a.tags()).hasSize(5);
        return a;
    }

    /** A reader in Chromium: a refused form shown again, a reply posted, its edit page, an edit saved. */
    static void readerThroughTheForm(Article article) {
        String path = "/articles/" + article.slug();
        Vector name = vectors.get(6);
        Vector body = vectors.get(18);
        String website = "https://reader.example/'onmouseover='alert(1)";
        browser.manage().deleteAllCookies();
        browser.get(site.url(path));
        fill(Map.of("#comment", body.text(), "#author", name.text(), "#email", "not an email " + vectors.get(0).text(),
                "#url", "javascript:alert(1)"));
        send("form.reply-form button[type=submit]", d -> !d.findElements(By.cssSelector(".form-error")).isEmpty());
        record("refused reply form (CSP on)", probe.seen(), List.of(new Shown("#comment", "value", body.text()),
                new Shown("#author", "value", name.text()), new Shown("#email", "value", "not an email " + vectors.get(0).text()),
                new Shown("#url", "value", "javascript:alert(1)")));

        fill(Map.of("#email", "reader@example.org", "#url", website));
        send("form.reply-form button[type=submit]", d -> d.getCurrentUrl().contains("#comment"));
        assertThat(browser.getCurrentUrl()).as("the reply was stored, not discarded").matches(".*#comment-\\d+$");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*#comment-(\\d+)$", "$1"));
        readerReply = site.gazette().comments().find(id).orElseThrow();
        assertThat(List.of(readerReply.bodyMarkdown(), readerReply.authorName(), readerReply.authorUrl()))
                .containsExactly(body.text().strip(), name.text().strip(), website);
        String reply = "#comment-" + id;
        record("own reply on the article (CSP on)", probe.seen(), List.of(Shown.within(reply + " .author", name.text()),
                Shown.within(reply + " .reply-body", body.shownInReply()), new Shown(reply + " .author a", "href", website)));

        browser.get(site.url("/comments/" + id + "/edit"));
        record("reader's edit page (CSP on)", probe.seen(), List.of(Shown.within("main", article.title()),
                new Shown("#comment", "value", body.text().strip())));
        Vector edit = vectors.get(8);
        fill(Map.of("#comment", edit.text()));
        send("form.reply-form button[type=submit]", d -> d.getCurrentUrl().contains(reply));
        record("article after the reader's edit (CSP on)", probe.seen(),
                List.of(Shown.within(reply + " .reply-body", edit.shownInReply())));
        assertThat(site.gazette().comments().find(id).orElseThrow().bodyMarkdown()).isEqualTo(edit.text().strip());
        browser.manage().deleteAllCookies();
        signIn();
    }

    static Comment readerReply;

    /** A moderator approves the reader's reply, corrects it, and answers it, all through the newsroom's forms. */
    static void staffOnReplies() {
        long id = readerReply.id();
        browser.get(site.url("/admin/replies?state=pending"));
        browser.findElement(By.id("pick-" + id)).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("action"))).selectByValue("approve");
        send(".actions button[type=submit]", d -> d.getCurrentUrl().contains("done="));
        Vector correction = vectors.get(42);
        browser.get(site.url("/admin/replies/" + id + "/edit"));
        fill(Map.of("#comment", correction.text()));
        send("form.reply-form button[type=submit]", d -> d.getCurrentUrl().contains("done=edited"));
        assertThat(site.gazette().comments().find(id).orElseThrow().bodyMarkdown()).isEqualTo(correction.text());
        Vector answer = vectors.get(60);
        browser.get(site.url("/admin/replies/" + id + "/reply"));
        fill(Map.of("#comment", answer.text()));
        send("form.reply-form button[type=submit]", d -> d.getCurrentUrl().contains("done=replied"));
        Comment staffReply = site.gazette().comments().all(articles.get(0)).stream()
                .filter(c -> c.parentId().equals(Optional.of(id))).findFirst().orElseThrow();
        String path = "/articles/" + articles.get(0).slug();
        expect(path, Shown.within("#comment-" + id + " .reply-body", correction.shownInReply()));
        expect(path, Shown.within("#comment-" + staffReply.id() + " .reply-body", answer.shownInReply()));
        expect(path, Shown.within("#comment-" + staffReply.id() + " .author", staffName));
        expect("/admin", staffName, readerReply.authorName());
    }

    /** An API key's site label and an agency feed's fields, through their staff forms. */
    static void keysAndFeedsThroughTheForms() {
        String label = "https://k.example/" + vectors.get(21).text().replaceAll("\\s", "");
        browser.get(site.url("/admin/keys"));
        fill(Map.of("input[name=site]", label));
        send("form.filters button[type=submit]", d -> !d.findElements(By.id("new-key")).isEmpty());
        expect("/admin/keys", Shown.within("table.grid", label));
        expect("/admin", label);

        Map<String, String> feed = Map.of("#url", "https://feed.example/" + vectors.get(22).text().replaceAll("\\s", ""),
                "#outlet", vectors.get(23).text(), "#agency", vectors.get(24).text(), "#section", vectors.get(25).text());
        browser.get(site.url("/admin/feeds"));
        fill(feed);
        send("form.reply-form button[type=submit]", d -> !d.findElements(By.cssSelector("table.grid")).isEmpty());
        for (String v : feed.values()) expect("/admin/feeds", Shown.within("table.grid", v.strip()));
    }

    // ---- checking

    static void check(String path, boolean bypass) {
        ScriptProbe.Seen seen = probe.open(site.url(path));
        pagesOpened++;
        List<Shown> shown = new ArrayList<>(expected.getOrDefault(path, List.of()));
        if (!path.startsWith("/admin") && !path.endsWith(".xml")) shown.add(Shown.within(".site-footer", siteTitle));
        record(path + (bypass ? " (CSP bypassed)" : " (CSP on)"), seen, shown);
    }

    /** Notes what ran, what the DOM holds that could run, and what is not shown as stored; the page is still open. */
    static void record(String where, ScriptProbe.Seen seen, List<Shown> mustShow) {
        seen.signals().forEach(s -> failures.add(where + ": RAN " + s));
        seen.problems().forEach(p -> failures.add(where + ": DOM " + p));
        List<String> found = probe.read(mustShow.stream().map(s -> java.util.Arrays.asList(
                s.selector() == null ? "" : s.selector(), s.attribute() == null ? "" : s.attribute())).toList());
        for (int i = 0; i < mustShow.size(); i++) {
            Shown s = mustShow.get(i);
            String actual = found.get(i);
            if (s.attribute() != null) {
                if (!s.value().equals(actual)) {
                    failures.add(where + ": " + s.selector() + " " + s.attribute() + " is " + actual + ", not " + s.value());
                }
            } else if (actual == null || !ScriptProbe.collapse(actual).contains(ScriptProbe.collapse(s.value()))) {
                failures.add(where + ": NOT SHOWN in " + s.selector() + ": " + s.value().replace("\n", "\\n")
                        + (s.selector() == null || actual == null ? "" : " (it shows: " + ScriptProbe.collapse(actual) + ")"));
            }
        }
    }

    static void shoot(String path, String name) throws Exception {
        probe.bypassCsp(true);
        browser.get(site.url(path));
        Files.write(Path.of("/tmp", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        HeadlessChromium.screenshot(browser, name);
    }

    static org.w3c.dom.Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent();
    }
}
