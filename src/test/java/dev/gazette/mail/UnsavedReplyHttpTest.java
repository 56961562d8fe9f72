package dev.gazette.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.comment.CommentSettings;
import dev.gazette.web.Browser;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A reply the site failed to save comes back with everything the reader chose, "Notify me of replies" included. */
class UnsavedReplyHttpTest {
    static Smtp smtp;
    static TestSite site;

    @BeforeAll
    static void start() {
        smtp = Smtp.start();
        site = TestSite.withMail(smtp.settings(), CommentSettings.defaults(), g -> {
            g.articles().create(new ArticleDraft("Bridge repairs begin", "", "Body.", "Staff", "City", List.of(),
                    ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(600)), Optional.empty()));
            // A fault in the reply's own transaction, such as a full disk would give: nothing by Ines can be stored.
            g.database().writes().useHandle(h -> h.execute("CREATE TRIGGER fault BEFORE INSERT ON comment"
                    + " WHEN NEW.author_name = 'Ines' BEGIN SELECT RAISE(ABORT, 'a fault for the test'); END"));
        });
    }

    @AfterAll
    static void stop() {
        site.close();
        smtp.close();
    }

    static Document sendAndFail(String text, boolean notify) {
        Browser reader = new Browser(site);
        Map<String, String> form = new HashMap<>(Browser.fields(reader.page("/articles/bridge-repairs-begin"),
                "form.reply-form"));
        form.putAll(Map.of("comment", text, "author", "Ines",
                "email", "ines@readers.test", "url", ""));
        form.remove("notify");
        if (notify) form.put("notify", "yes");
        HttpResponse<String> answer = reader.post("/articles/bridge-repairs-begin/comments", form);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("h1").text()).isEqualTo("Your reply was not saved");
        assertThat(page.select("textarea[name=comment]").text()).isEqualTo(text);
        return page;
    }

    @Test
    void theNotifyBoxIsOfferedAgainTickedAsTheReaderLeftIt() {
        Document page = sendAndFail("Will the footpath stay open during the works?", true);
        assertThat(page.select("form.reply-form input#notify[type=checkbox]")).hasSize(1);
        assertThat(page.selectFirst("input#notify").hasAttr("checked")).isTrue();
        assertThat(page.select("label[for=notify]").text()).isEqualTo("Notify me of replies to my comment");
    }

    @Test
    void anUntickedBoxStaysUnticked() {
        Document page = sendAndFail("How long will the bridge be closed to cars?", false);
        assertThat(page.select("form.reply-form input#notify")).hasSize(1);
        assertThat(page.selectFirst("input#notify").hasAttr("checked")).isFalse();
    }
}
