package dev.gazette.article;

import dev.gazette.web.Page;
import java.util.Map;
import java.util.Optional;

/** The model of every list of stories: home, a section, a tag, search results. */
public record ArticleListView(Page page, String heading, String intro, Paged<Article> articles, String listPath,
                              String query, Map<Long, Integer> replyCounts, Optional<Picture> leadPicture) {

    public ArticleListView {
        replyCounts = Map.copyOf(replyCounts);
    }

    public ArticleListView(Page page, String heading, String intro, Paged<Article> articles, String listPath,
                           String query, Map<Long, Integer> replyCounts) {
        this(page, heading, intro, articles, listPath, query, replyCounts, Optional.empty());
    }

    public int replies(Article article) {
        return replyCounts.getOrDefault(article.id(), 0);
    }

    /** The link to another page of this list, keeping the search words. */
    public String pageUrl(int number) {
        String sep = listPath.contains("?") ? "&" : "?";
        return number == 1 ? listPath : listPath + sep + "page=" + number;
    }

    public boolean isSearch() {
        return listPath.startsWith("/search");
    }
}
