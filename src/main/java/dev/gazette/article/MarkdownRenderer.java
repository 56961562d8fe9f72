package dev.gazette.article;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/** Turns an article's Markdown into HTML that is safe to serve, whatever the Markdown held. */
public final class MarkdownRenderer {
    private static final Pattern HTTP_OR_MAIL = Pattern.compile("^(https?:|mailto:|/|#).*", Pattern.CASE_INSENSITIVE);

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().build();
    // Markdown may carry raw HTML; the sanitizer, not the renderer, decides what survives.
    private final PolicyFactory policy = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowElements("a")
                    .allowAttributes("href").matching(HTTP_OR_MAIL).onElements("a")
                    .allowAttributes("title").onElements("a")
                    .allowElements("img")
                    .allowAttributes("src").matching(Pattern.compile("^(https:|/).*", Pattern.CASE_INSENSITIVE))
                    .onElements("img")
                    .allowAttributes("alt", "title").onElements("img")
                    .allowElements("pre", "code", "hr", "br", "figure", "figcaption")
                    .toFactory());

    public String render(String markdown) {
        return policy.sanitize(renderer.render(parser.parse(markdown)));
    }
}
