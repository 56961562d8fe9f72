package dev.gazette.web;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/** What fuzz tests require of any HTML Gazette renders from outside text: nothing in it can run. */
public final class SafeHtml {
    private static final Set<String> RUNNING_ELEMENTS = Set.of("script", "iframe", "frame", "object", "embed", "style",
            "link", "meta", "base", "form", "svg", "math", "template");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "srcset", "xlink:href");

    private SafeHtml() {}

    /** Throws an AssertionError naming the first thing in {@code html}, parsed as a browser would, that could run. */
    public static void check(String html, String input) {
        if (html.toLowerCase(Locale.ROOT).contains("<script")) fail("a <script", html, input);
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (RUNNING_ELEMENTS.contains(e.normalName())) fail("a <" + e.normalName() + "> element", html, input);
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) fail("an event handler attribute " + name, html, input);
                if (name.equals("style")) fail("a style attribute", html, input);
                if (URL_ATTRIBUTES.contains(name) && !safeUrl(a.getValue())) {
                    fail("a " + name + " URL that can run (" + a.getValue() + ")", html, input);
                }
            }
        }
    }

    /** Browsers ignore whitespace and control characters inside a scheme, so they are dropped before looking. */
    private static boolean safeUrl(String url) {
        String squeezed = url.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
        return !(squeezed.startsWith("javascript:") || squeezed.startsWith("vbscript:") || squeezed.startsWith("data:"));
    }

    private static void fail(String what, String html, String input) {
        throw new AssertionError("Rendered HTML holds " + what + "\n--- input:\n" + input + "\n--- html:\n" + html);
    }
}
