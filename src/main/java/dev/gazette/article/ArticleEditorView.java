package dev.gazette.article;

import dev.gazette.account.StaffPage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model of the article editor, for a new article or a stored one: the form as typed, what is wrong with it,
 * the preview, and, after a refused save, the version someone else saved first.
 *
 * @param version  the version the form was loaded at; 0 for a new article
 * @param conflict the other person's saved version, when this save came too late
 */
public record ArticleEditorView(StaffPage frame, Optional<Article> article, ArticleForm form, int version,
                                Map<String, String> errors, String notice, String previewHtml,
                                Optional<Article> conflict, List<Picture> pictures) {
    public ArticleEditorView {
        errors = Map.copyOf(errors);
        pictures = List.copyOf(pictures);
    }

    public boolean isNew() {
        return article.isEmpty();
    }

    /** Where the form posts. */
    public String action() {
        return article.map(a -> "/admin/articles/" + a.id() + "/edit").orElse("/admin/articles/new");
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    /** "true" for a field with an error, else null so the attribute is left out. */
    public String invalid(String field) {
        return errors.containsKey(field) ? "true" : null;
    }

    /** The id of the field's error message, for aria-describedby; null without one. */
    public String describedBy(String field) {
        return errors.containsKey(field) ? field + "-error" : null;
    }

    public List<ArticleState> states() {
        return List.of(ArticleState.values());
    }

    public boolean isPublic() {
        return article.map(a -> a.state() != ArticleState.DRAFT).orElse(false);
    }

    public ArticleEditorView withErrors(Map<String, String> more) {
        return new ArticleEditorView(frame, article, form, version, more, notice, previewHtml, conflict, pictures);
    }

    public ArticleEditorView withNotice(String text) {
        return new ArticleEditorView(frame, article, form, version, errors, text, previewHtml, conflict, pictures);
    }

    public ArticleEditorView withPreview(String html) {
        return new ArticleEditorView(frame, article, form, version, errors, notice, html, conflict, pictures);
    }

    public ArticleEditorView withConflict(Article theirs, String message) {
        return new ArticleEditorView(frame, article, form, version, errors, message, previewHtml, Optional.of(theirs),
                pictures);
    }
}
