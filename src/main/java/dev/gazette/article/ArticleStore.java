package dev.gazette.article;

import dev.gazette.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL for articles and their tags; the same statements run on SQLite and PostgreSQL. */
public final class ArticleStore {
    private static final String COLUMNS = "id, slug, title, summary, body_markdown, body_html, author,"
            + " section_slug, section_name, state, created_at, published_at, updated_at,"
            + " source_headline, source_outlet, source_agency, source_url, version, lead_image";
    // Public means published, or scheduled and its time has come.
    private static final String VISIBLE = "state <> 'draft' AND published_at <= :now";
    private static final String NEWEST_FIRST = " ORDER BY published_at DESC, id DESC";

    private final Jdbi reads;
    private final Jdbi writes;

    public ArticleStore(Database db) {
        this.reads = db.reads();
        this.writes = db.writes();
    }

    long insert(Article a) {
        return writes.inTransaction(h -> {
            long id = bindColumns(h.createQuery("INSERT INTO article (slug, title, summary, body_markdown, body_html,"
                            + " author, section_slug, section_name, state, created_at, published_at, updated_at,"
                            + " source_headline, source_outlet, source_agency, source_url, title_key, lead_image)"
                            + " VALUES (:slug, :title, :summary, :md, :html, :author, :sectionSlug, :sectionName,"
                            + " :state, :created, :published, :updated, :headline, :outlet, :agency, :url, :titleKey,"
                            + " :leadImage)"
                            + " RETURNING id"), a)
                    .bind("created", a.createdAt().toEpochMilli())
                    .bind("titleKey", Slugs.slugify(a.title()))
                    .mapTo(Long.class)
                    .one();
            insertTags(h, id, a.tags());
            return id;
        });
    }

    /**
     * Replaces the stored article with this one (tags too) if it is still at {@code a.version()}, and bumps its
     * version; false when someone saved first or the article is gone.
     */
    boolean update(Article a) {
        return writes.inTransaction(h -> {
            int changed = bindColumns(h.createUpdate("UPDATE article SET slug = :slug, title = :title,"
                            + " summary = :summary, body_markdown = :md, body_html = :html, author = :author,"
                            + " section_slug = :sectionSlug, section_name = :sectionName, state = :state,"
                            + " published_at = :published, updated_at = :updated, source_headline = :headline,"
                            + " source_outlet = :outlet, source_agency = :agency, source_url = :url,"
                            + " title_key = :titleKey, lead_image = :leadImage, version = version + 1"
                            + " WHERE id = :id AND version = :version"), a)
                    .bind("titleKey", Slugs.slugify(a.title()))
                    .bind("id", a.id())
                    .bind("version", a.version())
                    .execute();
            if (changed == 0) return false;
            h.createUpdate("DELETE FROM article_tag WHERE article_id = :id").bind("id", a.id()).execute();
            insertTags(h, a.id(), a.tags());
            return true;
        });
    }

    /** Deletes the article; its tags and replies go with it (ON DELETE CASCADE). */
    boolean delete(long id) {
        return writes.withHandle(h -> h.createUpdate("DELETE FROM article WHERE id = :id").bind("id", id).execute() > 0);
    }

    private static <S extends SqlStatement<S>> S bindColumns(S statement, Article a) {
        return statement
                .bind("slug", a.slug())
                .bind("title", a.title())
                .bind("summary", a.summary())
                .bind("md", a.bodyMarkdown())
                .bind("html", a.bodyHtml())
                .bind("author", a.author())
                .bind("sectionSlug", a.section().slug())
                .bind("sectionName", a.section().name())
                .bind("state", a.state().code())
                .bind("published", a.publishedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("updated", a.updatedAt().toEpochMilli())
                .bind("headline", a.source().map(Source::headline).orElse(null))
                .bind("outlet", a.source().map(Source::outlet).orElse(null))
                .bind("agency", a.source().map(Source::agency).orElse(null))
                .bind("url", a.source().flatMap(Source::url).orElse(null))
                .bind("leadImage", a.leadImage().orElse(null));
    }

    private static void insertTags(Handle h, long id, List<Tag> tags) {
        if (tags.isEmpty()) return;
        var batch = h.prepareBatch("INSERT INTO article_tag (article_id, slug, name) VALUES (:id, :slug, :name)");
        for (Tag tag : tags) {
            batch.bind("id", id).bind("slug", tag.slug()).bind("name", tag.name()).add();
        }
        batch.execute();
    }

    /** Any article by id, whatever its state: for the newsroom. */
    Optional<Article> find(long id) {
        return reads.withHandle(h -> withTags(h, h.createQuery("SELECT " + COLUMNS + " FROM article WHERE id = :id")
                .bind("id", id).map(ArticleStore::map).list())).stream().findFirst();
    }

    /** Every article, drafts included, whose lead picture this is. */
    List<Article> withLeadImage(String pictureId) {
        return reads.withHandle(h -> withTags(h, h.createQuery("SELECT " + COLUMNS + " FROM article"
                        + " WHERE lead_image = :picture ORDER BY id")
                .bind("picture", pictureId).map(ArticleStore::map).list()));
    }

    /** True when an article other than {@code id} has this slug. */
    boolean slugTakenByOther(String slug, long id) {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article WHERE slug = :slug AND id <> :id")
                .bind("slug", slug).bind("id", id).mapTo(Integer.class).one() > 0);
    }

    /** Every article matching the filter, whatever its state, newest first. */
    List<Article> forStaff(ArticleFilter filter, int offset, int limit) {
        StaffQuery q = StaffQuery.of(filter);
        return reads.withHandle(h -> withTags(h, q.bindTo(h.createQuery("SELECT " + COLUMNS + " FROM article"
                        + q.where() + " ORDER BY COALESCE(published_at, created_at) DESC, id DESC"
                        + " LIMIT :limit OFFSET :offset"))
                .bind("limit", limit).bind("offset", offset)
                .map(ArticleStore::map).list()));
    }

    int countForStaff(ArticleFilter filter) {
        StaffQuery q = StaffQuery.of(filter);
        return reads.withHandle(h -> q.bindTo(h.createQuery("SELECT COUNT(*) FROM article" + q.where()))
                .mapTo(Integer.class).one());
    }

    /** Every section with any article, public or not, by name: the newsroom's filter offers them all. */
    List<Section> allSections() {
        return reads.withHandle(h -> h.createQuery("SELECT section_slug, MIN(section_name) FROM article"
                        + " GROUP BY section_slug ORDER BY MIN(section_name)")
                .map((rs, ctx) -> new Section(rs.getString(1), rs.getString(2))).list());
    }

    /** True when a story with this feed GUID, this original link or this title is already here. */
    boolean alreadyImported(String guid, String link, String title) {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article WHERE (source_guid = :guid AND :guid <> '')"
                        + " OR (source_url = :link AND :link <> '') OR title_key = :key")
                .bind("guid", guid).bind("link", link).bind("key", Slugs.slugify(title))
                .mapTo(Integer.class).one() > 0);
    }

    void setSourceGuid(long id, String guid) {
        writes.useHandle(h -> h.createUpdate("UPDATE article SET source_guid = :guid WHERE id = :id")
                .bind("guid", guid).bind("id", id).execute());
    }

    boolean slugTaken(String slug) {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article WHERE slug = :slug")
                .bind("slug", slug).mapTo(Integer.class).one() > 0);
    }

    long count() {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article").mapTo(Long.class).one());
    }

    Optional<Article> findVisible(String slug, Instant now) {
        return reads.withHandle(h -> withTags(h, h.createQuery(
                        "SELECT " + COLUMNS + " FROM article WHERE slug = :slug AND " + VISIBLE)
                .bind("slug", slug).bind("now", now.toEpochMilli())
                .map(ArticleStore::map).list())).stream().findFirst();
    }

    List<Article> latest(Instant now, int offset, int limit) {
        return reads.withHandle(h -> withTags(h, h.createQuery(
                        "SELECT " + COLUMNS + " FROM article WHERE " + VISIBLE + NEWEST_FIRST + " LIMIT :limit OFFSET :offset")
                .bind("now", now.toEpochMilli()).bind("limit", limit).bind("offset", offset)
                .map(ArticleStore::map).list()));
    }

    int countVisible(Instant now) {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article WHERE " + VISIBLE)
                .bind("now", now.toEpochMilli()).mapTo(Integer.class).one());
    }

    List<Article> inSection(String sectionSlug, Instant now, int offset, int limit) {
        return reads.withHandle(h -> withTags(h, h.createQuery("SELECT " + COLUMNS + " FROM article WHERE section_slug = :s AND "
                        + VISIBLE + NEWEST_FIRST + " LIMIT :limit OFFSET :offset")
                .bind("s", sectionSlug).bind("now", now.toEpochMilli()).bind("limit", limit).bind("offset", offset)
                .map(ArticleStore::map).list()));
    }

    int countInSection(String sectionSlug, Instant now) {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article WHERE section_slug = :s AND " + VISIBLE)
                .bind("s", sectionSlug).bind("now", now.toEpochMilli()).mapTo(Integer.class).one());
    }

    List<Article> tagged(String tagSlug, Instant now, int offset, int limit) {
        return reads.withHandle(h -> withTags(h, h.createQuery("SELECT " + COLUMNS + " FROM article WHERE " + VISIBLE
                        + " AND id IN (SELECT article_id FROM article_tag WHERE slug = :t)"
                        + NEWEST_FIRST + " LIMIT :limit OFFSET :offset")
                .bind("t", tagSlug).bind("now", now.toEpochMilli()).bind("limit", limit).bind("offset", offset)
                .map(ArticleStore::map).list()));
    }

    int countTagged(String tagSlug, Instant now) {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article WHERE " + VISIBLE
                        + " AND id IN (SELECT article_id FROM article_tag WHERE slug = :t)")
                .bind("t", tagSlug).bind("now", now.toEpochMilli()).mapTo(Integer.class).one());
    }

    /** The visible articles with these ids, in the order of the ids given. */
    List<Article> byIds(List<Long> ids, Instant now) {
        if (ids.isEmpty()) return List.of();
        List<Article> found = reads.withHandle(h -> withTags(h, h.createQuery(
                        "SELECT " + COLUMNS + " FROM article WHERE id IN (<ids>) AND " + VISIBLE)
                .bindList("ids", ids).bind("now", now.toEpochMilli())
                .map(ArticleStore::map).list()));
        Map<Long, Article> byId = new LinkedHashMap<>();
        found.forEach(a -> byId.put(a.id(), a));
        return ids.stream().map(byId::get).filter(a -> a != null).toList();
    }

    /** The neighbour published just before (older) or just after (newer) the given article. */
    Optional<Article> neighbour(Article of, boolean newer, Instant now) {
        String order = newer
                ? "(published_at > :at OR (published_at = :at AND id > :id)) ORDER BY published_at ASC, id ASC"
                : "(published_at < :at OR (published_at = :at AND id < :id)) ORDER BY published_at DESC, id DESC";
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM article WHERE " + VISIBLE + " AND " + order
                        + " LIMIT 1")
                .bind("now", now.toEpochMilli()).bind("at", of.shownDate().toEpochMilli()).bind("id", of.id())
                .map(ArticleStore::map).findOne());
    }

    Optional<Tag> tag(String slug) {
        return reads.withHandle(h -> h.createQuery("SELECT slug, name FROM article_tag WHERE slug = :slug LIMIT 1")
                .bind("slug", slug).map((rs, ctx) -> new Tag(rs.getString(1), rs.getString(2))).findOne());
    }

    /** Sections that have at least one public article, the busiest first. */
    List<Section> sections(Instant now) {
        return reads.withHandle(h -> h.createQuery("SELECT section_slug, MIN(section_name) FROM article WHERE " + VISIBLE
                        + " GROUP BY section_slug ORDER BY COUNT(*) DESC, section_slug")
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Section(rs.getString(1), rs.getString(2))).list());
    }

    private static List<Article> withTags(Handle h, List<Article> articles) {
        if (articles.isEmpty()) return articles;
        Map<Long, List<Tag>> tags = new LinkedHashMap<>();
        h.createQuery("SELECT article_id, slug, name FROM article_tag WHERE article_id IN (<ids>) ORDER BY name")
                .bindList("ids", articles.stream().map(Article::id).toList())
                .map((rs, ctx) -> new TagRow(rs.getLong(1), new Tag(rs.getString(2), rs.getString(3))))
                .forEach(row -> tags.computeIfAbsent(row.articleId(), k -> new ArrayList<>()).add(row.tag()));
        return articles.stream().map(a -> a.withTags(tags.getOrDefault(a.id(), List.of()))).toList();
    }

    private record TagRow(long articleId, Tag tag) {}

    private static Article map(ResultSet rs, StatementContext ctx) throws SQLException {
        String headline = rs.getString("source_headline");
        Optional<Source> source = headline == null ? Optional.empty() : Optional.of(new Source(headline,
                rs.getString("source_outlet"), rs.getString("source_agency"),
                Optional.ofNullable(rs.getString("source_url"))));
        long published = rs.getLong("published_at");
        Optional<Instant> publishedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(published));
        return new Article(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("body_markdown"),
                rs.getString("body_html"),
                rs.getString("author"),
                new Section(rs.getString("section_slug"), rs.getString("section_name")),
                List.of(),
                ArticleState.ofCode(rs.getString("state")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                publishedAt,
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                source,
                rs.getInt("version"),
                Optional.ofNullable(rs.getString("lead_image")));
    }
}
