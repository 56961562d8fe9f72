package dev.gazette.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * A mail's words, written once and given as plain text and as HTML: paragraphs, quotes, links and a footer. The
 * HTML carries no image and no remote resource, so opening a mail tells nobody anything.
 */
public final class MailBody {
    private sealed interface Part permits Para, Quote, Link, Footer {}

    private record Para(String text) implements Part {}

    private record Quote(String text) implements Part {}

    private record Link(String label, String url) implements Part {}

    private record Footer(String text) implements Part {}

    private final List<Part> parts = new ArrayList<>();

    public MailBody paragraph(String text) {
        parts.add(new Para(text));
        return this;
    }

    /** Someone's words, set apart; shown as text, never as markup. */
    public MailBody quote(String text) {
        parts.add(new Quote(text));
        return this;
    }

    public MailBody link(String label, String url) {
        parts.add(new Link(label, url));
        return this;
    }

    public MailBody footer(String text) {
        parts.add(new Footer(text));
        return this;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Para para) {
                out.append(para.text()).append("\n\n");
            } else if (p instanceof Quote q) {
                q.text().lines().forEach(l -> out.append("> ").append(l).append('\n'));
                out.append('\n');
            } else if (p instanceof Link l) {
                out.append(l.label()).append(":\n").append(l.url()).append("\n\n");
            } else if (p instanceof Footer f) {
                out.append("-- \n").append(f.text()).append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    public String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
                + "<body style=\"font-family:Georgia,serif;line-height:1.5;max-width:36em\">");
        for (Part p : parts) {
            if (p instanceof Para para) {
                out.append("<p>").append(escape(para.text())).append("</p>");
            } else if (p instanceof Quote q) {
                out.append("<blockquote style=\"border-left:3px solid #999;margin:0 0 1em;padding-left:1em\">")
                        .append(escape(q.text()).replace("\n", "<br>")).append("</blockquote>");
            } else if (p instanceof Link l) {
                out.append("<p><a href=\"").append(escape(l.url())).append("\">").append(escape(l.label()))
                        .append("</a></p>");
            } else if (p instanceof Footer f) {
                out.append("<hr><p style=\"font-size:small;color:#555\">").append(escape(f.text())).append("</p>");
            }
        }
        return out.append("</body></html>").toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
