package dev.gazette.article;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Image;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Turns an article's Markdown into HTML that is safe to serve, whatever the Markdown held, and says what it had to
 * leave out or show differently so the writer can be told.
 *
 * <p>Pictures: readers' browsers load them from this site or from any {@code https:} address (the article pages'
 * Content-Security-Policy says the same, see {@code WebServer.allowHttpsImages}). A protocol-relative {@code //host/x}
 * becomes {@code https://host/x}; {@code http:}, {@code data:} and every other source is left out.
 */
public final class MarkdownRenderer {
    private static final Pattern HTTP_OR_MAIL = Pattern.compile("^(https?:|mailto:|/|#).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTTPS = Pattern.compile("^https://[^/?#\\s\\\\]+(?:[/?#]\\S*)?$", Pattern.CASE_INSENSITIVE);
    // A path on this site; "//" or "/\" would reach another host, and browsers drop tabs or newlines inside.
    private static final Pattern LOCAL = Pattern.compile("^/(?![/\\\\])[^\\s\\\\]*$");
    // Elements whose content is raw text to the sanitizer: left open, they swallow the rest of the body.
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "iframe",
            "noembed", "noframes", "plaintext");
    private static final Pattern TAG = Pattern.compile(
            "<!--|<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*\\s*/?>");

    // A variant of a picture uploaded here; its sizes are known, so the page can reserve its space and offer srcset.
    private static final Pattern MEDIA = Pattern.compile("^/media/([0-9a-f]{32})-([1-9][0-9]{0,4})\\.(?:jpg|png)$");
    // The sanitizer re-spaces the list (" , ") before matching it.
    private static final Pattern SRCSET = Pattern.compile(
            "^/media/[0-9a-f]{32}-[0-9]{1,5}\\.(?:jpg|png) [0-9]{1,5}w(?:\\s*,\\s*/media/[0-9a-f]{32}-[0-9]{1,5}\\.(?:jpg|png) [0-9]{1,5}w)*$");
    private static final Pattern DIGITS = Pattern.compile("^[1-9][0-9]{0,4}$");
    /** What a picture in the text fills: the text column, or the screen on a phone. */
    static final String BODY_SIZES = "(min-width: 48rem) 46rem, 100vw";

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        this(Pictures.NONE);
    }

    /**
     * @param pictures the site's pictures: one of them in the text gets its width, height and every size it has,
     *                 and every picture in the text loads lazily (the lead picture sits above it)
     */
    public MarkdownRenderer(Pictures pictures) {
        this.renderer = HtmlRenderer.builder().attributeProviderFactory(context -> (node, tag, attributes) -> {
            if (!(node instanceof Image image)) return;
            attributes.put("loading", "lazy");
            Matcher media = MEDIA.matcher(image.getDestination());
            if (!media.matches()) return;
            pictures.find(media.group(1)).ifPresent(p -> {
                int width = Integer.parseInt(media.group(2));
                attributes.put("width", String.valueOf(width));
                attributes.put("height", String.valueOf(Math.max(1, Math.round((double) p.height() * width / p.width()))));
                attributes.put("srcset", p.srcset());
                attributes.put("sizes", BODY_SIZES);
            });
        }).build();
    }

    /** Safe HTML, and what in the text readers will not see as written (empty when nothing). */
    public record Rendering(String html, List<String> problems) {
        public Rendering {
            problems = List.copyOf(problems);
        }
    }

    public String render(String markdown) {
        return check(markdown).html();
    }

    /** The safe HTML together with the problems a writer should fix. */
    public Rendering check(String markdown) {
        Set<String> problems = new LinkedHashSet<>();
        String html = escapeUnclosed(renderer.render(parser.parse(markdown)), problems);
        // Markdown may carry raw HTML; the sanitizer, not the renderer, decides what survives.
        return new Rendering(policy(problems).sanitize(html), new ArrayList<>(problems));
    }

    // Built per call so the picture rule can note what it left out; rendering happens on saves, not page views.
    private static PolicyFactory policy(Set<String> problems) {
        return Sanitizers.FORMATTING
                .and(Sanitizers.BLOCKS)
                .and(Sanitizers.TABLES)
                .and(new HtmlPolicyBuilder()
                        // data: only so the picture rule sees it and can say it was left out; links refuse it.
                        .allowUrlProtocols("http", "https", "mailto", "data")
                        .allowElements("a")
                        .allowAttributes("href").matching(HTTP_OR_MAIL).onElements("a")
                        .allowAttributes("title").onElements("a")
                        .allowElements("img")
                        .allowAttributes("src").matching((element, attribute, value) -> {
                            String kept = imageSource(value);
                            if (kept == null) problems.add(pictureLeftOut(value));
                            return kept;
                        })
                        .onElements("img")
                        .allowAttributes("alt", "title").onElements("img")
                        .allowAttributes("loading").matching(Pattern.compile("^lazy$")).onElements("img")
                        .allowAttributes("width", "height").matching(DIGITS).onElements("img")
                        .allowAttributes("srcset").matching(SRCSET).onElements("img")
                        .allowAttributes("sizes").matching(Pattern.compile("^\\Q" + BODY_SIZES + "\\E$")).onElements("img")
                        .allowElements("pre", "code", "hr", "br", "figure", "figcaption")
                        .toFactory());
    }

    /** The source a picture is loaded from, or null when readers' browsers may not load it. */
    static String imageSource(String value) {
        String src = value.strip();
        if (src.startsWith("//")) src = "https:" + src;
        return HTTPS.matcher(src).matches() || LOCAL.matcher(src).matches() ? src : null;
    }

    private static String pictureLeftOut(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return "The picture “" + shown + "” is left out: pages show pictures only from https:// addresses or from"
                + " this site. Give its https:// address, or remove it.";
    }

    /**
     * An element like {@code <style>} or a comment left open hides everything after it. Such an opener is shown as
     * text instead, so the words after it survive, and noted as a problem.
     */
    static String escapeUnclosed(String html, Set<String> problems) {
        StringBuilder out = new StringBuilder(html.length() + 16);
        Matcher tag = TAG.matcher(html);
        int at = 0;
        while (at < html.length() && tag.find(at)) {
            out.append(html, at, tag.start());
            String name = tag.group(2) == null ? "" : tag.group(2).toLowerCase(Locale.ROOT);
            if (tag.group().equals("<!--")) {
                int end = html.indexOf("-->", tag.end());
                if (end < 0) {
                    problems.add("The text opens an HTML comment (<!--) and never closes it, which would hide"
                            + " everything after it. Add --> where the comment ends, or remove the <!--.");
                    out.append("&lt;!--");
                    at = tag.end();
                } else {
                    out.append(html, tag.start(), end + 3);
                    at = end + 3;
                }
            } else if (tag.group(1).isEmpty() && RAW_TEXT.contains(name)) {
                int close = closing(html, name, tag.end());
                if (close < 0) {
                    problems.add("The text opens <" + name + "> and never closes it, which would hide everything"
                            + " after it. Add </" + name + "> where it should end, or remove the <" + name + "> tag.");
                    out.append("&lt;").append(html, tag.start() + 1, tag.end());
                    at = tag.end();
                } else {
                    out.append(html, tag.start(), close);
                    at = close;
                }
            } else {
                out.append(tag.group());
                at = tag.end();
            }
        }
        if (at < html.length()) out.append(html, at, html.length());
        return out.toString();
    }

    /** Where the raw text of {@code name} ends (after its end tag), or -1 when it never does. */
    private static int closing(String html, String name, int from) {
        if (name.equals("plaintext")) return -1;
        Matcher end = Pattern.compile("</" + name + "(?=[\\s/>])[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
        return end.find(from) ? end.end() : -1;
    }
}
