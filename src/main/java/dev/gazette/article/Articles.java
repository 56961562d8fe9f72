package dev.gazette.article;

import dev.gazette.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The articles a site has: creating and editing them, and reading what the public and the newsroom may see. */
public final class Articles {
    private static final Logger log = LoggerFactory.getLogger(Articles.class);
    private final ArticleStore store;
    private final ArticleSearch search;
    private final MarkdownRenderer markdown;
    private final Clock clock;
    private final Consumer<Set<String>> purge;

    /**
     * @param purge called after every write with the {@link PageKeys} of the public pages it made stale, so that
     *              caches of rendered pages drop them
     */
    public Articles(ArticleStore store, ArticleSearch search, MarkdownRenderer markdown, Clock clock,
                    Consumer<Set<String>> purge) {
        this.store = store;
        this.search = search;
        this.markdown = markdown;
        this.clock = clock;
        this.purge = purge;
    }

    /** Stores a new article under a fresh slug made from its title. */
    public Article create(ArticleDraft draft) {
        Instant now = clock.instant();
        Optional<Instant> publishedAt = switch (draft.state()) {
            case DRAFT -> Optional.empty();
            case SCHEDULED -> draft.publishAt();
            case PUBLISHED -> Optional.of(draft.publishAt().orElse(now));
        };
        String slug = Slugs.unique(draft.title(), store::slugTaken);
        List<Tag> tags = draft.tags().stream().filter(t -> !t.isBlank()).map(Tag::named).distinct().toList();
        Article article = new Article(0, slug, draft.title().strip(), draft.summary().strip(), draft.bodyMarkdown(),
                markdown.render(draft.bodyMarkdown()), draft.author().strip(), Section.named(draft.section()), tags,
                draft.state(), now, publishedAt, now, draft.source(), 1, draft.leadImage());
        List<Section> sections = sections();
        Article stored = article.withId(store.insert(article));
        changed(sections, Optional.empty(), Optional.of(stored));
        return stored;
    }

    /**
     * Stores a new article from the editor at the slug asked for, or at a fresh one made from the title when
     * {@code slug} is blank. Publishing means now unless an earlier time is given.
     */
    public SaveResult create(ArticleDraft draft, String slug) {
        String wanted = slug.isBlank() ? Slugs.unique(draft.title(), store::slugTaken) : slug;
        if (store.slugTaken(wanted)) return new SaveResult.SlugTaken(wanted);
        Instant now = clock.instant();
        Article article = build(0, wanted, draft, now, publishedAt(draft, now), 1);
        List<Section> sections = sections();
        Article stored;
        try {
            stored = article.withId(store.insert(article));
        } catch (RuntimeException e) {
            // Another editor took the slug between the check and the insert.
            if (Database.isUniqueViolation(e)) return new SaveResult.SlugTaken(wanted);
            throw e;
        }
        changed(sections, Optional.empty(), Optional.of(stored));
        return new SaveResult.Stored(stored);
    }

    /**
     * Replaces article {@code id} with the draft if nobody saved it since the editor loaded {@code version}; a blank
     * slug is made from the title.
     */
    public SaveResult update(long id, int version, String slug, ArticleDraft draft) {
        Optional<Article> current = store.find(id);
        if (current.isEmpty()) return new SaveResult.Missing();
        String wanted = slug.isBlank() ? Slugs.unique(draft.title(), s -> store.slugTakenByOther(s, id)) : slug;
        if (store.slugTakenByOther(wanted, id)) return new SaveResult.SlugTaken(wanted);
        Instant now = clock.instant();
        Article changed = build(id, wanted, draft, current.get().createdAt(), publishedAt(draft, now), version)
                .withUpdatedAt(now);
        List<Section> sections = sections();
        boolean updated;
        try {
            updated = store.update(changed);
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) return new SaveResult.SlugTaken(wanted);
            throw e;
        }
        if (!updated) {
            return store.find(id).<SaveResult>map(SaveResult.Stale::new).orElseGet(SaveResult.Missing::new);
        }
        Optional<Article> stored = store.find(id);
        changed(sections, current, stored);
        return stored.<SaveResult>map(SaveResult.Stored::new).orElseGet(SaveResult.Missing::new);
    }

    /** Takes an article off the site, back to a draft, if nobody saved it since {@code version}. */
    public SaveResult unpublish(long id, int version) {
        Optional<Article> current = store.find(id);
        if (current.isEmpty()) return new SaveResult.Missing();
        Article a = current.get();
        Article draft = new Article(a.id(), a.slug(), a.title(), a.summary(), a.bodyMarkdown(), a.bodyHtml(), a.author(),
                a.section(), a.tags(), ArticleState.DRAFT, a.createdAt(), Optional.empty(), clock.instant(), a.source(),
                version, a.leadImage());
        List<Section> sections = sections();
        if (!store.update(draft)) {
            return store.find(id).<SaveResult>map(SaveResult.Stale::new).orElseGet(SaveResult.Missing::new);
        }
        Optional<Article> stored = store.find(id);
        changed(sections, current, stored);
        return stored.<SaveResult>map(SaveResult.Stored::new).orElseGet(SaveResult.Missing::new);
    }

    /** Deletes an article with its tags and replies; false when it was already gone. */
    public boolean delete(long id) {
        Optional<Article> before = store.find(id);
        List<Section> sections = sections();
        boolean deleted = store.delete(id);
        if (deleted) changed(sections, before, Optional.empty());
        return deleted;
    }

    /**
     * Purges what a write made stale: see {@link PageKeys#changed}, plus the pages of the article's neighbours now
     * (they link to it, or link past it), plus everything when the sections in the navigation changed.
     */
    private void changed(List<Section> sectionsBefore, Optional<Article> before, Optional<Article> after) {
        Set<String> keys = new LinkedHashSet<>(PageKeys.changed(before, after));
        after.filter(this::visible).ifPresent(a -> {
            older(a).ifPresent(n -> keys.add(PageKeys.article(n.id())));
            newer(a).ifPresent(n -> keys.add(PageKeys.article(n.id())));
        });
        if (!sections().equals(sectionsBefore)) keys.add(PageKeys.SITE);
        purge.accept(keys);
    }

    private boolean visible(Article article) {
        return published(article.slug()).filter(a -> a.id() == article.id()).isPresent();
    }

    /**
     * Purges the pages that show this picture's words (alt text, caption, credit) beside a story: those of the
     * stories that lead with it, and the lists and feeds they are on. Text that quotes the picture's Markdown keeps
     * the words written there.
     */
    public void pictureDescribed(String pictureId) {
        Set<String> keys = new LinkedHashSet<>();
        for (Article a : store.withLeadImage(pictureId)) keys.addAll(PageKeys.changed(Optional.of(a), Optional.of(a)));
        if (!keys.isEmpty()) purge.accept(keys);
    }

    /** Any article by id, drafts and scheduled ones included: for the newsroom only. */
    public Optional<Article> find(long id) {
        return store.find(id);
    }

    /** The newsroom's list: every state, filtered, newest first. */
    public Paged<Article> forStaff(ArticleFilter filter, int page, int pageSize) {
        return new Paged<>(store.forStaff(filter, Paged.offset(page, pageSize), pageSize), page, pageSize,
                store.countForStaff(filter));
    }

    /** Every section any article is in, public or not. */
    public List<Section> allSections() {
        return store.allSections();
    }

    /** The Markdown as readers would see it, sanitized: for the editor's preview. */
    public String preview(String text) {
        return markdown.render(text);
    }

    /** What readers would not see as written in this text (a tag left open, a picture left out); empty when fine. */
    public List<String> bodyProblems(String text) {
        return markdown.check(text).problems();
    }

    private Article build(long id, String slug, ArticleDraft draft, Instant createdAt, Optional<Instant> publishedAt,
                          int version) {
        List<Tag> tags = draft.tags().stream().filter(t -> !t.isBlank()).map(Tag::named).distinct().toList();
        return new Article(id, slug, draft.title().strip(), draft.summary().strip(), draft.bodyMarkdown(),
                markdown.render(draft.bodyMarkdown()), draft.author().strip(), Section.named(draft.section()), tags,
                draft.state(), createdAt, publishedAt, createdAt, draft.source(), version, draft.leadImage());
    }

    // An editor's "Publish" means now; a time in the past is kept (backdating), one in the future would silently
    // schedule the story while it claims to be published.
    private static Optional<Instant> publishedAt(ArticleDraft draft, Instant now) {
        return switch (draft.state()) {
            case DRAFT -> Optional.empty();
            case SCHEDULED -> draft.publishAt();
            case PUBLISHED -> Optional.of(draft.publishAt().filter(at -> !at.isAfter(now)).orElse(now));
        };
    }

    /** Whether a story from elsewhere is here already, by its feed GUID, its original link or its title. */
    public boolean alreadyImported(String guid, String link, String title) {
        return store.alreadyImported(guid, link, title);
    }

    /** Stores a story taken from a feed or another site, remembering its GUID so it is never taken twice. */
    public Article importStory(ArticleDraft draft, String guid) {
        return importStory(draft, guid, "");
    }

    /** The same, keeping the slug it had elsewhere when that is a valid slug still free here. */
    public Article importStory(ArticleDraft draft, String guid, String slug) {
        // Nobody reviews an import as it arrives: the renderer keeps the words, and the log says what to look at.
        for (String problem : bodyProblems(draft.bodyMarkdown())) {
            log.warn("Imported story “{}”: {}", draft.title().strip(), problem);
        }
        Article stored = Slugs.isSlug(slug) && !store.slugTaken(slug)
                && create(draft, slug) instanceof SaveResult.Stored saved ? saved.article() : create(draft);
        if (!guid.isBlank()) {
            try {
                store.setSourceGuid(stored.id(), guid);
            } catch (RuntimeException e) {
                // Another node imported the same item between our check and now: the unique GUID is the last line of
                // defence behind the feed job's lock. Our copy goes, theirs stays.
                if (!Database.isUniqueViolation(e)) throw e;
                delete(stored.id());
                throw new AlreadyImported(draft.title().strip());
            }
        }
        return stored;
    }

    public boolean isEmpty() {
        return store.count() == 0;
    }

    public Optional<Article> published(String slug) {
        return store.findVisible(slug, clock.instant());
    }

    public Paged<Article> latest(int page, int pageSize) {
        Instant now = clock.instant();
        return new Paged<>(store.latest(now, Paged.offset(page, pageSize), pageSize), page, pageSize,
                store.countVisible(now));
    }

    public Paged<Article> inSection(Section section, int page, int pageSize) {
        Instant now = clock.instant();
        return new Paged<>(store.inSection(section.slug(), now, Paged.offset(page, pageSize), pageSize), page,
                pageSize, store.countInSection(section.slug(), now));
    }

    public Paged<Article> tagged(Tag tag, int page, int pageSize) {
        Instant now = clock.instant();
        return new Paged<>(store.tagged(tag.slug(), now, Paged.offset(page, pageSize), pageSize), page, pageSize,
                store.countTagged(tag.slug(), now));
    }

    public Paged<Article> search(SearchQuery query, int page, int pageSize) {
        Instant now = clock.instant();
        List<Long> ids = search.search(query, now, Paged.offset(page, pageSize), pageSize);
        return new Paged<>(store.byIds(ids, now), page, pageSize, search.count(query, now));
    }

    /** The public articles among these ids, in the order given. */
    public List<Article> published(List<Long> ids) {
        return store.byIds(ids, clock.instant());
    }

    public Optional<Article> older(Article article) {
        return store.neighbour(article, false, clock.instant());
    }

    public Optional<Article> newer(Article article) {
        return store.neighbour(article, true, clock.instant());
    }

    public Optional<Tag> tag(String slug) {
        return store.tag(slug);
    }

    public List<Section> sections() {
        return store.sections(clock.instant());
    }

    public Optional<Section> section(String slug) {
        return sections().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }
}
