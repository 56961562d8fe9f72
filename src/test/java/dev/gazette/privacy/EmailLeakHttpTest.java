package dev.gazette.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.comment.CommentState;
import dev.gazette.web.Browser;
import dev.gazette.web.TestSite;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Posts replies, then reads every public page, feed and file the site serves, looking for the authors' emails. */
class EmailLeakHttpTest {
    static final List<String> EMAILS = List.of("leaky.author@example.org", "Second.Person@Example.COM", "third@example.net");

    @Test
    void noPublicResponseCarriesAnEmailOrAHashOfOne() throws Exception {
        try (TestSite site = TestSite.start(false, g -> g.articles().create(new ArticleDraft("Leak check", "Summary",
                "Body.", "Staff", "World", List.of("Checks"), ArticleState.PUBLISHED,
                Optional.of(Instant.now().minusSeconds(600)), Optional.empty())))) {
            Long parent = null;
            for (String email : EMAILS) {
                Browser reader = new Browser(site);
                Map<String, String> form = new HashMap<>(Browser.fields(reader.page("/articles/leak-check"), "form.reply-form"));
                form.put("comment", "A reply from " + email.substring(0, 5));
                form.put("author", "Reader " + email.charAt(0));
                form.put("email", email);
                form.put("url", "https://reader.example");
                form.put("remember", "yes");
                if (parent != null) form.put("comment_parent", parent.toString());
                HttpResponse<String> sent = reader.post("/articles/leak-check/comments", form);
                assertThat(sent.statusCode()).isEqualTo(303);
                String location = sent.headers().firstValue("Location").orElseThrow();
                long id = Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
                site.gazette().comments().moderate(id, CommentState.APPROVED);
                parent = id;
                // The author's own view, too, carries their email only in their own form field.
                assertThat(reader.page("/articles/leak-check").select(".thread").html()).doesNotContainIgnoringCase(email);
            }
            site.gazette().clearPageCache();

            Set<String> paths = new LinkedHashSet<>(List.of("/", "/articles/leak-check", "/feed.xml", "/atom.xml",
                    "/comments/feed.xml", "/comments/atom.xml", "/articles/leak-check/comments/feed.xml",
                    "/articles/leak-check/comments/atom.xml", "/sitemap.xml", "/robots.txt", "/privacy", "/about",
                    "/tags/checks", "/tags/checks/feed.xml", "/sections/world", "/search?q=reply", "/search?q=leak",
                    "/no-such-page", "/healthz"));
            for (var img : Jsoup.parse(site.get("/articles/leak-check").body()).select("img[src]")) paths.add(img.attr("src"));
            List<String> forbidden = new ArrayList<>();
            for (String email : EMAILS) {
                String normalized = email.toLowerCase(Locale.ROOT);
                forbidden.add(normalized);
                forbidden.add(hex("MD5", normalized));
                forbidden.add(hex("SHA-256", normalized));
                forbidden.add(email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT) + "@");
            }
            assertThat(paths.stream().filter(p -> p.startsWith("/avatars/"))).hasSize(EMAILS.size());
            for (String path : paths) {
                HttpResponse<String> response = site.get(path);
                String body = response.body().toLowerCase(Locale.ROOT) + response.headers().map().toString().toLowerCase(Locale.ROOT);
                for (String needle : forbidden) {
                    assertThat(body).as(path + " must not contain " + needle).doesNotContain(needle);
                }
            }
        }
    }

    private static String hex(String algorithm, String text) throws Exception {
        byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%0" + digest.length * 2 + "x", new BigInteger(1, digest));
    }
}
