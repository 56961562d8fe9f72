package dev.gazette.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The article editor's form as typed. Every value stays text, so a refused form comes back exactly as it was sent;
 * {@link #errors()} says what is wrong field by field, and {@link #draft()} turns a valid form into a draft.
 */
public record ArticleForm(String title, String slug, String summary, String body, String author, String section,
                          String tags, String state, String publishAt, String sourceHeadline, String sourceOutlet,
                          String sourceAgency, String sourceUrl, String leadImage) {
    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final int MAX_TAGS = 20;

    public ArticleForm {
        title = clean(title);
        slug = clean(slug).strip();
        summary = clean(summary);
        body = clean(body);
        author = clean(author);
        section = clean(section);
        tags = clean(tags);
        state = clean(state).strip();
        publishAt = clean(publishAt).strip();
        sourceHeadline = clean(sourceHeadline);
        sourceOutlet = clean(sourceOutlet);
        sourceAgency = clean(sourceAgency);
        sourceUrl = clean(sourceUrl).strip();
        leadImage = clean(leadImage).strip();
    }

    /** A form without a lead picture. */
    public ArticleForm(String title, String slug, String summary, String body, String author, String section,
                       String tags, String state, String publishAt, String sourceHeadline, String sourceOutlet,
                       String sourceAgency, String sourceUrl) {
        this(title, slug, summary, body, author, section, tags, state, publishAt, sourceHeadline, sourceOutlet,
                sourceAgency, sourceUrl, "");
    }

    /** An empty form for a new story, signed by whoever writes it. */
    public static ArticleForm blank(String author) {
        return new ArticleForm("", "", "", "", author, "", "", ArticleState.DRAFT.code(), "", "", "", "", "");
    }

    /** The form for editing a stored article. */
    public static ArticleForm of(Article a) {
        return new ArticleForm(a.title(), a.slug(), a.summary(), a.bodyMarkdown(), a.author(), a.section().name(),
                String.join(", ", a.tags().stream().map(Tag::name).toList()), a.state().code(),
                a.publishedAt().map(ArticleForm::local).orElse(""),
                a.source().map(Source::headline).orElse(""), a.source().map(Source::outlet).orElse(""),
                a.source().map(Source::agency).orElse(""), a.source().flatMap(Source::url).orElse(""),
                a.leadImage().orElse(""));
    }

    /** The same form with another state, for the buttons that say what to do (publish, schedule…). */
    public ArticleForm withState(ArticleState newState) {
        return new ArticleForm(title, slug, summary, body, author, section, tags, newState.code(), publishAt,
                sourceHeadline, sourceOutlet, sourceAgency, sourceUrl, leadImage);
    }

    /** The same form with another lead picture (its id), or none when empty. */
    public ArticleForm withLeadImage(String id) {
        return new ArticleForm(title, slug, summary, body, author, section, tags, state, publishAt,
                sourceHeadline, sourceOutlet, sourceAgency, sourceUrl, id);
    }

    /** A time as the datetime-local field shows it, in UTC to the minute. */
    public static String local(Instant at) {
        return LOCAL_MINUTES.format(LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC));
    }

    /** What is wrong, by field name, in the order of the form; empty when the form can be saved. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isBlank()) errors.put("title", "Give the article a title.");
        else if (title.length() > 200) errors.put("title", "Keep the title under 200 characters.");
        if (!slug.isEmpty() && !Slugs.isSlug(slug)) {
            errors.put("slug", "Use lower-case letters, digits and dashes only (such as " + Slugs.slugify(slug)
                    + "), or leave it empty to make one from the title.");
        }
        if (summary.length() > 1000) errors.put("summary", "Keep the summary under 1,000 characters.");
        if (body.length() > 200_000) errors.put("body", "The text is longer than 200,000 characters; split it.");
        if (author.isBlank()) errors.put("author", "Say who wrote it.");
        else if (author.length() > 100) errors.put("author", "Keep the author under 100 characters.");
        if (section.isBlank()) errors.put("section", "Choose a section, such as World or Politics.");
        else if (section.length() > 60) errors.put("section", "Keep the section under 60 characters.");
        List<String> tagList = tagList();
        if (tagList.size() > MAX_TAGS) errors.put("tags", "Use at most " + MAX_TAGS + " tags.");
        else if (tagList.stream().anyMatch(t -> t.length() > 50)) errors.put("tags", "Keep each tag under 50 characters.");
        Optional<ArticleState> chosen = chosenState();
        if (chosen.isEmpty()) errors.put("state", "Choose draft, scheduled or published.");
        if (!publishAt.isEmpty() && publishInstant().isEmpty()) {
            errors.put("publishAt", "Give the time as year-month-day and hours:minutes, such as 2026-12-01T08:30 (UTC).");
        } else if (chosen.equals(Optional.of(ArticleState.SCHEDULED)) && publishAt.isEmpty()) {
            errors.put("publishAt", "A scheduled article needs a publication time.");
        }
        if (!sourceUrl.isEmpty() && !isWebLink(sourceUrl)) {
            errors.put("sourceUrl", "Give a full http:// or https:// address, or leave the link empty.");
        }
        if (sourceHeadline.isBlank() && !(sourceOutlet.isBlank() && sourceAgency.isBlank() && sourceUrl.isEmpty())) {
            errors.put("sourceHeadline", "Give the original headline too, or leave all the source fields empty.");
        }
        if (!leadImage.isEmpty() && !leadImage.matches("[0-9a-f]{32}")) {
            errors.put("leadImage", "Choose the lead picture from the list, or none.");
        }
        return errors;
    }

    /** The draft this form describes; only for a form without {@link #errors()}. */
    public ArticleDraft draft() {
        if (!errors().isEmpty()) throw new IllegalStateException("The form has errors: " + errors().keySet());
        Optional<Source> source = sourceHeadline.isBlank() ? Optional.empty() : Optional.of(new Source(
                sourceHeadline.strip(), sourceOutlet.strip(), sourceAgency.strip(),
                sourceUrl.isEmpty() ? Optional.empty() : Optional.of(sourceUrl)));
        return new ArticleDraft(title, summary, body, author, section, tagList(), chosenState().orElseThrow(),
                publishInstant(), source, leadImage.isEmpty() ? Optional.empty() : Optional.of(leadImage));
    }

    public Optional<ArticleState> chosenState() {
        return Arrays.stream(ArticleState.values()).filter(s -> s.code().equals(state.toLowerCase(Locale.ROOT))).findFirst();
    }

    Optional<Instant> publishInstant() {
        if (publishAt.isEmpty()) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(publishAt).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private List<String> tagList() {
        return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    private static boolean isWebLink(String text) {
        if (text.length() > 2000) return false;
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    // Browsers send CRLF in textareas; store LF so diffs and Markdown stay clean. Absent fields are empty.
    private static String clean(String value) {
        return value == null ? "" : value.replace("\r\n", "\n");
    }
}
