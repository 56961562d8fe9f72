package dev.gazette.article;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gazette.web.SafeHtml;

/** Fuzzes an article's Markdown, raw HTML included, through the renderer and sanitizer. */
class MarkdownRendererFuzzTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @FuzzTest
    void whateverTheMarkdownHoldsTheHtmlCannotRun(FuzzedDataProvider data) {
        String markdown = data.consumeRemainingAsString();
        SafeHtml.check(renderer.render(markdown), markdown);
    }
}
