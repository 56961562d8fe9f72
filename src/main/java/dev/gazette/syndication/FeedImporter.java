package dev.gazette.syndication;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.gazette.article.AlreadyImported;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Articles;
import dev.gazette.article.Source;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Takes the stories of an agency's RSS or Atom feed in as articles with their source named. Unsafe HTML goes on
 * rendering (the article's sanitizer); a story already here, by GUID, link or title, is skipped and said so.
 */
public final class FeedImporter {
    private final Articles articles;
    private final Clock clock;

    public FeedImporter(Articles articles, Clock clock) {
        this.articles = articles;
        this.clock = clock;
    }

    /**
     * @param outlet  the outlet to credit; empty to use the feed's own title
     * @param agency  the agency to credit; empty to use each entry's author
     * @param draft   keep the stories as drafts for an editor to publish
     */
    public Report importFeed(InputStream xml, String outlet, String agency, String section, boolean draft)
            throws IOException {
        SyndFeed feed;
        try {
            // XmlReader follows the XML declaration and BOM for the encoding; a feed in Latin-1 reads correctly.
            feed = new SyndFeedInput().build(new XmlReader(xml));
        } catch (ParsingFeedException e) {
            // The parser's own words may quote the document (an element's name, an entity): from an address on the
            // network that would show staff what a server answered, so only where it broke is said.
            throw new IOException("This is not an RSS or Atom feed Gazette can read: it is malformed at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ".", e);
        } catch (FeedException | IllegalArgumentException e) {
            throw new IOException("This is not an RSS or Atom feed Gazette can read (is the address a web page rather"
                    + " than its feed?).", e);
        }
        String credit = outlet.isBlank() ? text(feed.getTitle()) : outlet.strip();
        List<String> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String title = text(entry.getTitle());
            String link = text(entry.getLink());
            String guid = text(entry.getUri());
            if (title.isEmpty()) {
                skipped.add("(untitled entry) — no title");
                continue;
            }
            if (articles.alreadyImported(guid, link, title)) {
                skipped.add(title + " — already here");
                continue;
            }
            Instant published = Optional.ofNullable(entry.getPublishedDate()).or(() -> Optional.ofNullable(entry.getUpdatedDate()))
                    .map(Date::toInstant).filter(d -> !d.isAfter(clock.instant())).orElse(clock.instant());
            String reporter = agency.isBlank() ? text(entry.getAuthor()) : agency.strip();
            Source source = new Source(title, credit, reporter, link.startsWith("http") ? Optional.of(link) : Optional.empty());
            try {
                articles.importStory(new ArticleDraft(title, summary(entry), body(entry),
                        reporter.isEmpty() ? credit : reporter, section, List.of(),
                        draft ? ArticleState.DRAFT : ArticleState.PUBLISHED, draft ? Optional.empty() : Optional.of(published),
                        Optional.of(source)), guid);
            } catch (AlreadyImported e) {
                skipped.add(title + " — already here");
                continue;
            }
            added.add(title);
        }
        return new Report(added, skipped);
    }

    private static String body(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) return content.getValue();
        }
        return entry.getDescription() == null || entry.getDescription().getValue() == null ? ""
                : entry.getDescription().getValue();
    }

    private static String summary(SyndEntry entry) {
        String plain = entry.getDescription() == null || entry.getDescription().getValue() == null ? ""
                : entry.getDescription().getValue().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return plain.length() > 280 ? plain.substring(0, 277) + "…" : plain;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    /** What an import did: the titles added, and each skipped entry with the reason. */
    public record Report(List<String> added, List<String> skipped) {
        public Report {
            added = List.copyOf(added);
            skipped = List.copyOf(skipped);
        }
    }
}
