package dev.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Role;
import dev.gazette.web.StaffBrowser;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class FeedSourcesHttpTest {
    @Test
    void editorsAddFeedsAndSeeTheirStatus() {
        try (TestSite site = TestSite.start(false, g -> g.accounts().add("ed@example.org", "Ed", Role.EDITOR, "a long enough password"))) {
            StaffBrowser editor = StaffBrowser.signIn(site, "ed@example.org", "a long enough password");
            HttpResponse<String> bad = editor.post("/admin/feeds", Map.of("url", "not a url", "section", "World", "poll", "1"));
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(bad.body()).select("#url-error").text()).contains("http://");
            assertThat(Jsoup.parse(bad.body()).select("#poll-error").text()).contains("5 to 1440");

            HttpResponse<String> metadata = editor.post("/admin/feeds", Map.of("url",
                    "http://169.254.169.254/latest/meta-data/", "section", "World", "poll", "30"));
            assertThat(metadata.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(metadata.body()).select("#url-error").text()).contains("private or local network")
                    .contains("fetch.allow-hosts");
            assertThat(Jsoup.parse(metadata.body()).select("#url").val()).isEqualTo("http://169.254.169.254/latest/meta-data/");

            HttpResponse<String> added = editor.post("/admin/feeds", Map.of("url", "https://wire.example/rss.xml",
                    "agency", "Wire Service", "section", "World", "poll", "30"));
            assertThat(added.statusCode()).isEqualTo(303);
            var page = editor.browser().page("/admin/feeds");
            assertThat(page.select("table").text()).contains("https://wire.example/rss.xml").contains("Not polled yet")
                    .contains("kept as drafts");
            assertThat(editor.browser().page("/admin").select("table").text()).contains("add feed");
        }
    }
}
