package dev.gazette.article;

import dev.gazette.web.Page;
import java.util.Optional;

/** The model of an article page. */
public record ArticleView(Page page, Article article, Optional<Article> older, Optional<Article> newer, String below,
                          Optional<Picture> lead) {}
