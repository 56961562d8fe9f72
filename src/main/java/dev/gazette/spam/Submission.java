package dev.gazette.spam;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Everything the shield may weigh about one reply. Unknown text fields are empty strings, unknown
 * numbers are empty {@link OptionalDouble}s; {@code null} is rejected. Build with {@link #of(String)}
 * or {@link #builder(String)} and set only what you know.
 *
 * @param content the reply text as posted (HTML allowed; the shield normalises it)
 * @param siteLanguage ISO 639-1 code of the site, or empty to use {@link ShieldSettings#siteLanguage()}
 * @param secondsToPost seconds between the form being shown and posted, if the form measured it
 * @param honeypot the value of a field hidden from humans; anything non-blank betrays a bot
 * @param articleAgeDays age of the article replied to, in days
 * @param recentIdenticalElsewhere how many times the same text was posted recently elsewhere on the site
 */
public record Submission(
        String content,
        String authorName,
        String authorEmail,
        String authorUrl,
        String ip,
        String userAgent,
        String referrer,
        String permalink,
        CommentType type,
        String siteLanguage,
        OptionalDouble secondsToPost,
        String honeypot,
        String articleTitle,
        List<String> articleTags,
        OptionalDouble articleAgeDays,
        History history,
        int recentIdenticalElsewhere) {

    public Submission {
        req(content, "content");
        req(authorName, "authorName");
        req(authorEmail, "authorEmail");
        req(authorUrl, "authorUrl");
        req(ip, "ip");
        req(userAgent, "userAgent");
        req(referrer, "referrer");
        req(permalink, "permalink");
        req(type, "type");
        req(siteLanguage, "siteLanguage");
        req(secondsToPost, "secondsToPost");
        req(honeypot, "honeypot");
        req(articleTitle, "articleTitle");
        req(articleTags, "articleTags");
        req(articleAgeDays, "articleAgeDays");
        req(history, "history");
        for (String tag : articleTags) {
            req(tag, "articleTags element");
        }
        articleTags = List.copyOf(articleTags);
        if (recentIdenticalElsewhere < 0) {
            throw new IllegalArgumentException("recentIdenticalElsewhere must be >= 0, got " + recentIdenticalElsewhere);
        }
    }

    private static void req(Object value, String name) {
        Objects.requireNonNull(value, () -> "Submission." + name + " must not be null; use an empty value when unknown");
    }

    /** A submission of which only the text is known. */
    public static Submission of(String content) {
        return builder(content).build();
    }

    /** A builder with every field but the content empty or unknown. */
    public static Builder builder(String content) {
        return new Builder(content);
    }

    /** A builder preset with this submission's fields. */
    public Builder toBuilder() {
        Builder b = new Builder(content);
        b.authorName = authorName;
        b.authorEmail = authorEmail;
        b.authorUrl = authorUrl;
        b.ip = ip;
        b.userAgent = userAgent;
        b.referrer = referrer;
        b.permalink = permalink;
        b.type = type;
        b.siteLanguage = siteLanguage;
        b.secondsToPost = secondsToPost;
        b.honeypot = honeypot;
        b.articleTitle = articleTitle;
        b.articleTags = articleTags;
        b.articleAgeDays = articleAgeDays;
        b.history = history;
        b.recentIdenticalElsewhere = recentIdenticalElsewhere;
        return b;
    }

    /** Sets the fields a caller knows; {@link #build()} validates. */
    public static final class Builder {
        private String content;
        private String authorName = "";
        private String authorEmail = "";
        private String authorUrl = "";
        private String ip = "";
        private String userAgent = "";
        private String referrer = "";
        private String permalink = "";
        private CommentType type = CommentType.COMMENT;
        private String siteLanguage = "";
        private OptionalDouble secondsToPost = OptionalDouble.empty();
        private String honeypot = "";
        private String articleTitle = "";
        private List<String> articleTags = List.of();
        private OptionalDouble articleAgeDays = OptionalDouble.empty();
        private History history = History.NONE;
        private int recentIdenticalElsewhere;

        private Builder(String content) {
            this.content = content;
        }

        public Builder content(String v) { content = v; return this; }
        public Builder authorName(String v) { authorName = v; return this; }
        public Builder authorEmail(String v) { authorEmail = v; return this; }
        public Builder authorUrl(String v) { authorUrl = v; return this; }
        public Builder ip(String v) { ip = v; return this; }
        public Builder userAgent(String v) { userAgent = v; return this; }
        public Builder referrer(String v) { referrer = v; return this; }
        public Builder permalink(String v) { permalink = v; return this; }
        public Builder type(CommentType v) { type = v; return this; }
        public Builder siteLanguage(String v) { siteLanguage = v; return this; }
        public Builder secondsToPost(double v) { secondsToPost = OptionalDouble.of(v); return this; }
        public Builder honeypot(String v) { honeypot = v; return this; }
        public Builder articleTitle(String v) { articleTitle = v; return this; }
        public Builder articleTags(List<String> v) { articleTags = v; return this; }
        public Builder articleAgeDays(double v) { articleAgeDays = OptionalDouble.of(v); return this; }
        public Builder history(History v) { history = v; return this; }
        public Builder recentIdenticalElsewhere(int v) { recentIdenticalElsewhere = v; return this; }

        public Submission build() {
            return new Submission(content, authorName, authorEmail, authorUrl, ip, userAgent, referrer, permalink,
                    type, siteLanguage, secondsToPost, honeypot, articleTitle, articleTags, articleAgeDays,
                    history, recentIdenticalElsewhere);
        }
    }
}
