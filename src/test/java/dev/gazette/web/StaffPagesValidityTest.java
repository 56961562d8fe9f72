package dev.gazette.web;

import dev.gazette.account.Role;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every staff page, the reply pages and the privacy page are valid HTML, checked by the Nu HTML Checker. */
class StaffPagesValidityTest {

    @Test
    void staffAndReplyPagesAreValidHtml() throws Exception {
        try (TestSite site = TestSite.start(false, g -> {
            g.articles().create(new ArticleDraft("Valid story", "Summary.", "Body with a [link](https://a.example).",
                    "Staff", "World", List.of("Checks"), ArticleState.PUBLISHED,
                    Optional.of(Instant.now().minusSeconds(600)), Optional.empty()));
            g.accounts().add("admin@example.org", "Ada", Role.ADMIN, "a long enough password");
        })) {
            Browser reader = new Browser(site);
            Map<String, String> form = new HashMap<>(Browser.fields(reader.page("/articles/valid-story"), "form.reply-form"));
            form.putAll(Map.of("comment", "A *reply* with a [link](https://b.example).", "author", "Rae",
                    "email", "rae@example.org", "url", "https://rae.example"));
            String location = reader.post("/articles/valid-story/comments", form).headers().firstValue("Location").orElseThrow();
            long id = Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
            Map<String, String> invalid = new HashMap<>(form);
            invalid.put("email", "nope");

            StaffBrowser admin = StaffBrowser.signIn(site, "admin@example.org", "a long enough password");
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("article-own-pending", reader.get("/articles/valid-story").body());
            pages.put("article-422", reader.post("/articles/valid-story/comments", invalid).body());
            pages.put("edit-own-reply", reader.get("/comments/" + id + "/edit").body());
            pages.put("privacy", site.get("/privacy").body());
            pages.put("sign-in", new Browser(site).get("/admin/login").body());
            for (String path : List.of("/admin", "/admin/replies", "/admin/replies?state=spam", "/admin/replies/" + id + "/edit",
                    "/admin/replies/" + id + "/reply", "/admin/settings", "/admin/people", "/admin/keys", "/admin/feeds", "/admin/articles",
                    "/admin/articles/new", "/admin/articles/1/edit", "/admin/articles/1/delete")) {
                pages.put(path.replaceAll("[^a-z0-9]+", "_"), admin.get(path).body());
            }
            HtmlChecker.assertValid(pages);
        }
    }
}
