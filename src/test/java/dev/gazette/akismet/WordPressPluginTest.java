package dev.gazette.akismet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.web.HeadlessChromium;
import dev.gazette.web.TestSite;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's WordPress with its own Akismet plugin (unchanged) and Gazette Shield, against a real Gazette server: the
 * Akismet plugin accepts a Gazette key on its own settings page, comments posted through wp-comments-post.php are
 * checked by Gazette, and a moderator's Spam and Not spam in wp-admin reach Gazette's counts and the key's own
 * lessons. Then the same without Akismet, where Gazette Shield checks comments itself. One WordPress for the class;
 * the tests run in order because the later ones switch Akismet off.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WordPressPluginTest {
    static TestSite gazette;
    static WordPress wp;
    static String key;
    static int postId;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        wp = WordPress.start(3);
        gazette = TestSite.start(false, g -> {});
        key = gazette.gazette().apiKeys().add(wp.url(""));
        wp.php("""
                activate_plugin('akismet/akismet.php');
                activate_plugin('gazette-shield/gazette-shield.php');
                update_option('gazette_shield_url', '%s');
                """.formatted(gazette.url("")));
        postId = Integer.parseInt(wp.sql("SELECT ID FROM wp_posts WHERE post_type = 'post' AND post_status = 'publish' LIMIT 1"));
    }

    @AfterAll
    static void stop() {
        if (wp != null) wp.close();
        if (gazette != null) gazette.close();
    }

    @Test
    @Order(1)
    void theAkismetPluginAcceptsAGazetteKeyOnItsOwnSettingsPage() throws Exception {
        WebDriver browser = HeadlessChromium.start(1280, 1000);
        try {
            browser.get(wp.url("/wp-login.php"));
            browser.findElement(By.id("user_login")).sendKeys(WordPress.ADMIN);
            browser.findElement(By.id("user_pass")).sendKeys(WordPress.ADMIN_PASSWORD);
            browser.findElement(By.id("wp-submit")).click();
            // On a busy machine a click can come before the page it needs: wait for the sign-in to land, for the
            // settings page's link, and for the key form the link unfolds with a script.
            WebDriverWait shown = new WebDriverWait(browser, Duration.ofSeconds(20));
            shown.until(ExpectedConditions.urlContains("/wp-admin"));
            browser.get(wp.url("/wp-admin/options-general.php?page=akismet-key-config"));
            shown.until(ExpectedConditions.elementToBeClickable(By.linkText("Manually enter an API key"))).click();
            shown.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".enter-api-key #key"))).sendKeys(key);
            shown.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".enter-api-key #submit"))).click();
            HeadlessChromium.screenshot(browser, "wordpress-akismet-settings.png");
            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(page).as(wp.logs()).doesNotContain("The key you entered is invalid")
                    .contains("Gazette shield for " + wp.url(""));
            assertThat(browser.findElement(By.id("key")).getAttribute("value")).isEqualTo(key);
            assertThat(wp.php("echo get_option('wordpress_api_key');").strip()).isEqualTo(key);

            browser.get(wp.url("/wp-admin/options-general.php?page=gazette-shield"));
            browser.findElement(By.cssSelector("input[name=verify]")).click();
            HeadlessChromium.screenshot(browser, "wordpress-gazette-shield-settings.png");
            assertThat(browser.findElement(By.id("gazette-shield-verify-result")).getText())
                    .as("our own settings page verifies the key Akismet uses (given it here as Akismet has one)")
                    .contains("The server knows this key");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(2)
    void commentsPostedThroughWordPressAreCheckedByGazetteThroughAkismet() throws Exception {
        useAkismetKey();
        long checksBefore = stats().get("checks").asLong();
        long normal = postComment("Rosa Reader", "rosa@example.org", "The piece on the library hours was useful; thank you for it.");
        Comment normalState = comment(normal);
        assertThat(normalState.approved()).as(wp.logs()).isEqualTo("1");
        assertThat(normalState.meta("akismet_result")).isEqualTo("false");

        long spam = postComment("viagra-test-123", "someone@example.org", "A reply that the documented test author sends.");
        Comment spamState = comment(spam);
        assertThat(spamState.approved()).isEqualTo("spam");
        assertThat(spamState.meta("akismet_result")).isEqualTo("true");

        JsonNode stats = stats();
        assertThat(stats.get("checks").asLong() - checksBefore).isEqualTo(2);
    }

    @Test
    @Order(3)
    void aModeratorsSpamAndNotSpamInWpAdminReachGazette() throws Exception {
        useAkismetKey();
        String missedText = "Cheap watches and pills delivered overnight, see the link in my name for offers.";
        long missed = postComment("Quiet Seller", "seller@example.org", missedText);
        assertThat(comment(missed).approved()).isEqualTo("1");
        long blocked = postComment("viagra-test-123", "friend@example.org", "A real friend of the blog, blocked by the test name.");
        JsonNode before = stats();

        Admin moderator = Admin.signIn(WordPress.MODERATOR, WordPress.MODERATOR_PASSWORD);
        moderator.follow(moderator.link("/wp-admin/edit-comments.php", "spamcomment", missed));
        assertThat(comment(missed).approved()).isEqualTo("spam");
        moderator.follow(moderator.link("/wp-admin/edit-comments.php?comment_status=spam", "unspamcomment", blocked));
        assertThat(comment(blocked).approved()).isIn("0", "1");

        JsonNode after = stats();
        assertThat(after.get("missed_spam").asLong() - before.get("missed_spam").asLong()).as(wp.logs()).isEqualTo(1);
        assertThat(after.get("false_positives").asLong() - before.get("false_positives").asLong()).isEqualTo(1);
        assertThat(after.get("accuracy").asDouble()).isLessThan(1.0);
        // Akismet's own history beside the comment says it reported it.
        assertThat(comment(missed).meta("akismet_history")).contains("report-spam");

        // The key's own shield learnt it: the same text from someone else now goes to Spam.
        long again = postComment("Another Seller", "other-seller@example.org", missedText);
        assertThat(comment(again).approved()).isEqualTo("spam");

        // And the newsroom's API keys page shows the corrections.
        gazette.gazette().accounts().add("wp-keys@example.org", "Kay", dev.gazette.account.Role.ADMIN, "a long enough password");
        var staff = dev.gazette.web.StaffBrowser.signIn(gazette, "wp-keys@example.org", "a long enough password");
        var row = staff.browser().page("/admin/keys").select("tbody tr").stream()
                .filter(tr -> tr.text().contains(wp.url(""))).findFirst().orElseThrow();
        assertThat(row.text()).contains(key.substring(0, ApiKeys.PREFIX));
        assertThat(row.select("td").get(5).text()).isEqualTo(String.valueOf(after.get("missed_spam").asLong()));
        assertThat(row.select("td").get(6).text()).isEqualTo(String.valueOf(after.get("false_positives").asLong()));
    }

    @Test
    @Order(4)
    void withoutAkismetGazetteShieldChecksCommentsAndReportsModeratorsDecisions() throws Exception {
        wp.php("deactivate_plugins('akismet/akismet.php'); update_option('gazette_shield_key', '" + key + "');");
        JsonNode before = stats();
        long normal = postComment("Nia Reader", "nia@example.org", "Good to read about the new cycle lanes near the school.");
        Comment normalState = comment(normal);
        assertThat(normalState.approved()).as(wp.logs()).isEqualTo("1");
        assertThat(normalState.meta("gazette_shield")).contains("\"result\":\"ham\"");
        assertThat(comment(normal).meta("akismet_result")).as("Akismet is off").isEmpty();
        long spam = postComment("viagra-test-123", "x@example.org", "Another message from the documented test author.");
        assertThat(comment(spam).approved()).isEqualTo("spam");
        assertThat(stats().get("checks").asLong() - before.get("checks").asLong()).isEqualTo(2);

        Admin moderator = Admin.signIn(WordPress.MODERATOR, WordPress.MODERATOR_PASSWORD);
        moderator.follow(moderator.link("/wp-admin/edit-comments.php", "spamcomment", normal));
        moderator.follow(moderator.link("/wp-admin/edit-comments.php?comment_status=spam", "unspamcomment", spam));
        JsonNode after = stats();
        assertThat(after.get("missed_spam").asLong() - before.get("missed_spam").asLong()).as(wp.logs()).isEqualTo(1);
        assertThat(after.get("false_positives").asLong() - before.get("false_positives").asLong()).isEqualTo(1);
        assertThat(comment(normal).meta("gazette_shield_reported")).isEqualTo("spam");
    }

    /**
     * WordPress's own work for a comment is about 20 ms of CPU, so each query the shield adds is felt: it adds one,
     * the INSERT of its meta row, and no schema lookup ({@code SHOW FULL COLUMNS}, which wpdb's insert helper makes
     * once per table and request). The row still holds every character the reader wrote, outside ASCII too.
     */
    @Test
    @Order(5)
    void theShieldAddsOneQueryToACommentItsMetaRow() throws Exception {
        wp.php("deactivate_plugins('akismet/akismet.php'); update_option('gazette_shield_key', '" + key + "');");
        Path log = wp.scratch().resolve("comment-queries.log");
        wp.muPlugin("comment-queries.php", """
                <?php
                if ( isset( $_SERVER['SCRIPT_NAME'] ) && '/wp-comments-post.php' === $_SERVER['SCRIPT_NAME'] ) {
                	define( 'SAVEQUERIES', true );
                	register_shutdown_function( function () {
                		global $wpdb;
                		$all = '';
                		foreach ( $wpdb->queries as $q ) {
                			$all .= preg_replace( '/\\s+/', ' ', trim( $q[0] ) ) . "\\n";
                		}
                		file_put_contents( '%s', $all );
                	} );
                }
                """.formatted(log));
        try {
            wp.php("deactivate_plugins('gazette-shield/gazette-shield.php');");
            postComment("Ida Reader", "ida@example.org", "A first comment, so that both below are the post's second or later.");
            postComment("Ida Reader", "ida@example.org", "Thanks for the timetable of the ferries this winter.");
            List<String> without = queries(log);
            wp.php("activate_plugin('gazette-shield/gazette-shield.php');");
            long id = postComment("Zoë Reader", "zoe@example.org", "Merci pour l'article, très utile ☕ 🚲 — à bientôt.");
            List<String> with = queries(log);

            List<String> added = new ArrayList<>(with);
            for (String q : without) added.remove(q);
            assertThat(added).as("queries the shield added to a comment; without it:\n" + String.join("\n", without))
                    .hasSize(1).allMatch(q -> q.startsWith("INSERT INTO `wp_commentmeta`") || q.startsWith("INSERT INTO wp_commentmeta"));
            JsonNode checked = JSON.readTree(wp.php("echo wp_json_encode(Gazette_Shield_Comments::checked(" + id + "));"));
            assertThat(checked.get("result").asText()).isEqualTo("ham");
            assertThat(checked.get("guid").asText()).isNotBlank();
            assertThat(checked.get("fields").get("comment_content").asText()).isEqualTo("Merci pour l'article, très utile ☕ 🚲 — à bientôt.");
            assertThat(checked.get("fields").get("comment_author").asText()).isEqualTo("Zoë Reader");
        } finally {
            wp.removeMuPlugin("comment-queries.php");
            wp.php("activate_plugin('gazette-shield/gazette-shield.php');");
        }
    }

    /**
     * The queries the last comment made, each with its own values replaced by "?" (the comment's id, its text, its
     * time, counts), so that one comment's can be compared with another's.
     */
    private static List<String> queries(Path log) throws Exception {
        return Files.readAllLines(log).stream()
                .map(q -> q.replaceAll("'(?:[^'\\\\]|\\\\.)*'", "?").replaceAll("\\b\\d+\\b", "?"))
                .toList();
    }

    @Test
    @Order(6)
    void anUnreachableServerHoldsCommentsAndTellsModerators() throws Exception {
        int closed = WordPress.freePort();
        wp.php("deactivate_plugins('akismet/akismet.php'); update_option('gazette_shield_key', '" + key + "');"
                + " update_option('gazette_shield_url', 'http://127.0.0.1:" + closed + "');");
        try {
            long held = postComment("Pat Patient", "pat@example.org", "Posted while the shield's server was down.");
            Comment heldState = comment(held);
            assertThat(heldState.approved()).as(wp.logs()).isEqualTo("0");
            assertThat(heldState.meta("gazette_shield")).contains("\"result\":\"error\"");

            Admin moderator = Admin.signIn(WordPress.MODERATOR, WordPress.MODERATOR_PASSWORD);
            Document page = moderator.page("/wp-admin/edit-comments.php");
            assertThat(page.select("#gazette-shield-unreachable").text())
                    .contains("Gazette Shield cannot reach its server").contains("127.0.0.1:" + closed)
                    .contains("Pending queue");
            assertThat(page.text()).contains("Posted while the shield's server was down.");
        } finally {
            wp.php("update_option('gazette_shield_url', '" + gazette.url("") + "');");
        }
        // The next answer clears the notice.
        postComment("Pat Again", "pat@example.org", "Posted once the server was back.");
        Admin moderator = Admin.signIn(WordPress.MODERATOR, WordPress.MODERATOR_PASSWORD);
        assertThat(moderator.page("/wp-admin/edit-comments.php").select("#gazette-shield-unreachable")).isEmpty();
    }

    private static void useAkismetKey() {
        wp.php("activate_plugin('akismet/akismet.php'); if (get_option('wordpress_api_key') !== '" + key + "')"
                + " update_option('wordpress_api_key', '" + key + "');");
    }

    /** A comment's state (comment_approved) and its meta, read in one go. */
    private static Comment comment(long id) throws Exception {
        JsonNode json = JSON.readTree(wp.php("$c = get_comment(" + id + "); $m = array();"
                + " foreach (get_comment_meta(" + id + ") as $k => $v) { $v = array_map('maybe_unserialize', $v); $m[$k] = count($v) === 1 && is_scalar($v[0]) ? $v[0] : json_encode($v); }"
                + " echo json_encode(array('approved' => $c->comment_approved, 'meta' => (object) $m));"));
        return new Comment(json.get("approved").asText(), json.get("meta"));
    }

    /** What WordPress holds about a comment: its state ("1", "0", "spam", "trash") and its meta. */
    record Comment(String approved, JsonNode meta) {
        String meta(String name) {
            return meta.has(name) ? meta.get(name).asText() : "";
        }
    }

    private static JsonNode stats() throws Exception {
        return JSON.readTree(gazette.get("/1.1/key-stats?api_key=" + key).body());
    }

    /**
     * Posts a comment as a browser does: the post's page first, then its form with every field it holds (Akismet's
     * hidden ones too) and the reader's. Answers the new comment's id.
     */
    private static long postComment(String author, String email, String text) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> article = get(browser, wp.url("/?p=" + postId));
        Document doc = Jsoup.parse(article.body(), wp.url("/"));
        Element form = doc.selectFirst("form#commentform");
        assertThat(form).as("the post shows its comment form").isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name]")) {
            if (input.attr("type").equals("checkbox") || input.attr("type").equals("submit")) continue;
            fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.val());
        }
        fields.put("author", author);
        fields.put("email", email);
        fields.put("comment", text);
        HttpResponse<String> sent = browser.send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", article.uri().toString())
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body() + wp.logs()).isEqualTo(302);
        // WordPress sends the author to the new comment: ...#comment-ID
        String location = sent.headers().firstValue("Location").orElseThrow();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("#comment-(\\d+)$").matcher(location);
        assertThat(id.find()).as(location).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = client.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A person signed in to wp-admin, following its links as a browser without script does. */
    record Admin(HttpClient client) {
        static Admin signIn(String user, String password) throws Exception {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            get(client, wp.url("/wp-login.php")); // sets WordPress's test cookie
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(wp.url("/wp-login.php")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("log", user, "pwd", password,
                            "wp-submit", "Log In", "redirect_to", wp.url("/wp-admin/"), "testcookie", "1"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).as("signed in as " + user + ": " + signedIn.body()).isEqualTo(302);
            return new Admin(client);
        }

        Document page(String path) throws Exception {
            HttpResponse<String> response = get(client, wp.url(path));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return Jsoup.parse(response.body(), response.uri().toString());
        }

        /** The row action link (spamcomment, unspamcomment…) under one comment on a wp-admin list. */
        String link(String listPath, String action, long commentId) throws Exception {
            Document list = page(listPath);
            Element link = list.select("a[href*=action=" + action + "]").stream()
                    .filter(a -> a.attr("href").matches(".*[?&](amp;)?c=" + commentId + "(&.*|$)"))
                    .findFirst().orElse(null);
            assertThat(link).as("the " + action + " link of comment " + commentId + " on " + listPath).isNotNull();
            return link.absUrl("href");
        }

        void follow(String url) throws Exception {
            HttpResponse<String> response = get(client, url);
            assertThat(response.statusCode()).as(url + "\n" + response.body()).isEqualTo(200);
        }
    }
}
