package dev.gazette.syndication;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.gazette.web.Site;
import java.util.Date;
import java.util.List;

/** Writes lists of stories or replies as RSS 2.0 or Atom 1.0 through Rome. */
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
                 List<FeedEntry> entries) {
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
        feed.setPublishedDate(entries.isEmpty() ? new Date(0) : Date.from(entries.get(0).updated()));
        feed.setEntries(entries.stream().map(this::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Feed could not be written", e);
        }
    }

    private SyndEntry entry(FeedEntry e) {
        SyndEntry entry = new SyndEntryImpl();
        String url = site.url(e.path());
        entry.setTitle(e.title());
        entry.setLink(url);
        entry.setUri(url);
        entry.setAuthor(e.author());
        entry.setPublishedDate(Date.from(e.published()));
        entry.setUpdatedDate(Date.from(e.updated()));
        if (!e.summary().isEmpty()) {
            SyndContentImpl summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(e.summary());
            entry.setDescription(summary);
        }
        SyndContentImpl body = new SyndContentImpl();
        body.setType("html");
        body.setValue(e.html());
        entry.setContents(List.of(body));
        e.image().ifPresent(p -> {
            // RSS 2.0's enclosure (Atom: a link rel="enclosure"): the widest variant, as readers' apps show it.
            SyndEnclosureImpl enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(site.url(p.largest()));
            enclosure.setType(p.contentType());
            enclosure.setLength(p.largestBytes());
            entry.setEnclosures(List.of(enclosure));
        });
        entry.setCategories(e.categories().stream().map(name -> {
            SyndCategory c = new SyndCategoryImpl();
            c.setName(name);
            return c;
        }).toList());
        return entry;
    }
}
