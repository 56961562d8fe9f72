package dev.gazette.comment;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders a reply's small Markdown subset (emphasis, links, code, quotes, lists) to safe HTML. Raw HTML is shown
 * as text, never run; links are marked as user content so they pass no ranking and open no window handle.
 */
final class CommentText {
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]>\"']+", Pattern.CASE_INSENSITIVE);
    private final Parser parser = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class, FencedCodeBlock.class, IndentedCodeBlock.class))
            .build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .nodeRendererFactory(ImageAsLink::new).build();
    private final PolicyFactory policy = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    String render(String markdown) {
        return policy.sanitize(renderer.render(parser.parse(markdown)));
    }

    /**
     * Replies show no pictures; an image becomes a link to it with its description as the words, which the policy
     * would otherwise drop along with the image element.
     */
    private static final class ImageAsLink implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            HtmlWriter html = context.getWriter();
            String destination = context.urlSanitizer().sanitizeLinkUrl(((Image) node).getDestination());
            html.tag("a", Map.of("href", context.encodeUrl(destination)));
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) context.render(child);
            html.tag("/a");
        }
    }

    /** How many links a reply holds, written as Markdown or left bare. */
    static int links(String text) {
        Matcher m = URL.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
