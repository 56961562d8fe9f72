package dev.gazette.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The articles a site has: creating them and reading what the public may see. */
public final class Articles {
    private final ArticleStore store;
    private final ArticleSearch search;
    private final MarkdownRenderer markdown;
    private final Clock clock;
    private final Runnable onChange;

    /** @param onChange called after every write, so caches of rendered pages can be dropped */
    public Articles(ArticleStore store, ArticleSearch search, MarkdownRenderer markdown, Clock clock, Runnable onChange) {
        this.store = store;
        this.search = search;
        this.markdown = markdown;
        this.clock = clock;
        this.onChange = onChange;
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
                draft.state(), now, publishedAt, now, draft.source(), 1);
        Article stored = article.withId(store.insert(article));
        onChange.run();
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
