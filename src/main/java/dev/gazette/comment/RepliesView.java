package dev.gazette.comment;

import dev.gazette.article.Article;
import java.util.List;

/** The model of the replies under an article: one page of threads, and the form. */
public record RepliesView(Article article, List<ReplyNode> threads, int total, int page, int pages, FormView form) {
    public RepliesView {
        threads = List.copyOf(threads);
    }

    public String pageUrl(int n) {
        return "/articles/" + article.slug() + (n == 1 ? "" : "?cpage=" + n) + "#comments";
    }
}
