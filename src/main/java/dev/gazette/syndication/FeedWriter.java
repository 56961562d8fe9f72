package dev.gazette.syndication;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.gazette.article.Article;
import dev.gazette.web.Site;
import java.util.Date;
import java.util.List;

/** Writes lists of articles as RSS 2.0 or Atom 1.0 through Rome. */
final class FeedWriter {
    /** The two formats Gazette publishes, with Rome's name and the media type served. */
    enum Format {
        RSS("rss_2.0", "application/rss+xml; charset=utf-8"),
        ATOM("atom_1.0", "application/atom+xml; charset=utf-8");

        final String romeType;
        final String mediaType;

        Format(String romeType, String mediaType) {
            this.romeType = romeType;
            this.mediaType = mediaType;
        }
    }

    private final Site site;

    FeedWriter(Site site) {
        this.site = site;
    }

    String write(Format format, String title, String description, String selfPath, String pagePath,
                 List<Article> articles) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(title);
        feed.setDescription(description);
        feed.setLink(site.url(pagePath));
        feed.setUri(site.url(pagePath));
        feed.setLanguage(site.language());
        SyndLinkImpl self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(site.url(selfPath));
        SyndLinkImpl alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(site.url(pagePath));
        feed.setLinks(List.of(alternate, self));
        feed.setPublishedDate(articles.isEmpty() ? new Date(0) : Date.from(articles.get(0).updatedAt()));
        feed.setEntries(articles.stream().map(this::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Feed could not be written", e);
        }
    }

    private SyndEntry entry(Article a) {
        SyndEntry entry = new SyndEntryImpl();
        String url = site.url("/articles/" + a.slug());
        entry.setTitle(a.title());
        entry.setLink(url);
        entry.setUri(url);
        entry.setAuthor(a.author());
        entry.setPublishedDate(Date.from(a.shownDate()));
        entry.setUpdatedDate(Date.from(a.updatedAt()));
        SyndContentImpl summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(a.summary());
        entry.setDescription(summary);
        SyndContentImpl body = new SyndContentImpl();
        body.setType("html");
        body.setValue(a.bodyHtml());
        entry.setContents(List.of(body));
        entry.setCategories(a.tags().stream().map(t -> {
            SyndCategoryImpl c = new SyndCategoryImpl();
            c.setName(t.name());
            return (com.rometools.rome.feed.synd.SyndCategory) c;
        }).toList());
        return entry;
    }
}
