package dev.gazette.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Role;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.web.Browser;
import dev.gazette.web.StaffBrowser;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SettingsHttpTest {
    static final String PASSWORD = "settings are serious";

    static TestSite site() {
        return TestSite.start(false, g -> {
            g.articles().create(new ArticleDraft("Settings story", "", "Body.", "Staff", "World", List.of(),
                    ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(600)), Optional.empty()));
            g.accounts().add("admin@example.org", "Ada", Role.ADMIN, PASSWORD);
        });
    }

    static Map<String, String> form(StaffBrowser admin) {
        Document page = admin.browser().page("/admin/settings");
        return new HashMap<>(Browser.fields(page, "form.reply-form"));
    }

    @Test
    void badValuesAreRefusedFieldByFieldWithEverythingKept() {
        try (TestSite site = site()) {
            StaffBrowser admin = StaffBrowser.signIn(site, "admin@example.org", PASSWORD);
            Map<String, String> form = form(admin);
            form.put("site.title", "");
            form.put("comments.hold-at-links", "many");
            form.put("privacy.delete-spam-after-days", "0");
            form.put("site.description", "Kept description");
            HttpResponse<String> response = admin.post("/admin/settings", form);
            assertThat(response.statusCode()).isEqualTo(422);
            Document doc = Jsoup.parse(response.body());
            assertThat(doc.select("#site-title-error").text()).contains("needs a title");
            assertThat(doc.select("#comments-hold-at-links-error").text()).contains("whole number from 1 to 100");
            assertThat(doc.select("#privacy-delete-spam-after-days-error").text()).contains("from 1 to 3650");
            assertThat(doc.select("#site-description").attr("value")).isEqualTo("Kept description");
            assertThat(doc.select("#comments-hold-at-links").attr("value")).isEqualTo("many");
            assertThat(site.get("/").body()).contains("Test Gazette");
        }
    }

    @Test
    void savedSettingsTakeEffectWithoutARestart() {
        try (TestSite site = site()) {
            StaffBrowser admin = StaffBrowser.signIn(site, "admin@example.org", PASSWORD);
            Map<String, String> form = form(admin);
            form.put("site.title", "The Evening Lamp");
            form.put("comments.hold-all", "true");
            form.put("privacy.anonymize-ip-after-days", "7");
            HttpResponse<String> saved = admin.post("/admin/settings", form);
            assertThat(saved.statusCode()).isEqualTo(303);

            assertThat(Jsoup.parse(site.get("/").body()).select(".brand").text()).isEqualTo("The Evening Lamp");
            assertThat(Jsoup.parse(site.get("/privacy").body()).text()).contains("after 7 days");
            assertThat(site.gazette().comments().settings().holdAll()).isTrue();
            assertThat(admin.browser().page("/admin/settings").select("#comments-hold-all").hasAttr("checked")).isTrue();

            form = form(admin);
            form.remove("comments.hold-all"); // an unticked box sends nothing
            admin.post("/admin/settings", form);
            assertThat(site.gazette().comments().settings().holdAll()).isFalse();
            assertThat(admin.browser().page("/admin").select("table").text()).contains("change settings");
        }
    }

    @Test
    void gravatarIsOffUntilOptedInAndThePrivacyPageSaysSoWhenOn() throws Exception {
        try (TestSite site = site()) {
            Browser reader = new Browser(site);
            Map<String, String> reply = new HashMap<>(Browser.fields(reader.page("/articles/settings-story"), "form.reply-form"));
            reply.putAll(Map.of("comment", "Picture check.", "author", "Gus", "email", "Gus@Example.org", "url", ""));
            reader.post("/articles/settings-story/comments", reply);
            assertThat(reader.page("/articles/settings-story").select("img.avatar").attr("src")).startsWith("/avatars/");
            assertThat(site.get("/").headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("gravatar");

            StaffBrowser admin = StaffBrowser.signIn(site, "admin@example.org", PASSWORD);
            Map<String, String> form = form(admin);
            form.put("avatars.gravatar", "true");
            assertThat(admin.post("/admin/settings", form).statusCode()).isEqualTo(303);

            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest("gus@example.org".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(reader.page("/articles/settings-story").select("img.avatar").attr("src"))
                    .isEqualTo("https://www.gravatar.com/avatar/" + sha + "?s=80&d=identicon");
            assertThat(site.get("/").headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("img-src 'self' data: https://www.gravatar.com");
            assertThat(Jsoup.parse(site.get("/privacy").body()).text()).contains("This site uses Gravatar");
        }
    }

    @Test
    void dataRequestsExportAndEraseFromTheNewsroom() {
        try (TestSite site = site()) {
            Browser reader = new Browser(site);
            Map<String, String> reply = new HashMap<>(Browser.fields(reader.page("/articles/settings-story"), "form.reply-form"));
            reply.putAll(Map.of("comment", "Please forget me later.", "author", "Fen", "email", "fen@example.org", "url", ""));
            assertThat(reader.post("/articles/settings-story/comments", reply).statusCode()).isEqualTo(303);

            StaffBrowser admin = StaffBrowser.signIn(site, "admin@example.org", PASSWORD);
            HttpResponse<String> export = admin.post("/admin/people/export", Map.of("email", "fen@example.org"));
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
            assertThat(export.body()).contains("Please forget me later.");

            HttpResponse<String> unconfirmed = admin.post("/admin/people/erase", Map.of("email", "fen@example.org"));
            assertThat(unconfirmed.statusCode()).isEqualTo(422);
            HttpResponse<String> erased = admin.post("/admin/people/erase", Map.of("email", "fen@example.org", "confirm", "yes"));
            assertThat(Jsoup.parse(erased.body()).select(".notice").text()).contains("1 replies deleted");
            assertThat(admin.post("/admin/people/export", Map.of("email", "fen@example.org")).body())
                    .doesNotContain("Please forget me later.");
            assertThat(admin.post("/admin/people/export", Map.of("email", "not an email")).statusCode()).isEqualTo(422);
        }
    }
}
