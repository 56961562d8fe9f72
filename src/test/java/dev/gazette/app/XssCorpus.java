package dev.gazette.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The XSS vectors of xss-vectors.txt, each with the text a reader sees when it is a reply's Markdown. */
final class XssCorpus {
    private static final String SHOWN_AS = " ⟹ ";

    /** One vector; {@code shownInReply} is what a reply holding it shows, which is the vector unless noted. */
    record Vector(int id, String text, String shownInReply) {
        @Override
        public String toString() {
            return "vector " + id + " " + text.replace("\n", "\\n");
        }
    }

    private XssCorpus() {}

    static List<Vector> load() {
        try (InputStream in = XssCorpus.class.getResourceAsStream("xss-vectors.txt")) {
            if (in == null) throw new IllegalStateException("xss-vectors.txt is missing from the test resources");
            List<Vector> vectors = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int arrow = line.indexOf(SHOWN_AS);
                String text = unescape(arrow < 0 ? line : line.substring(0, arrow));
                String shown = arrow < 0 ? text : unescape(line.substring(arrow + SHOWN_AS.length()));
                vectors.add(new Vector(vectors.size() + 1, text, shown));
            }
            return List.copyOf(vectors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes \n, \t, \\ and \\uXXXX; anything else after a backslash stays as written. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(i + 1);
            switch (next) {
                case 'n' -> { out.append('\n'); i++; }
                case 't' -> { out.append('\t'); i++; }
                case '\\' -> { out.append('\\'); i++; }
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    i += 5;
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
