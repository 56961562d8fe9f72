package dev.gazette.article;

/**
 * A picture as article pages, feeds and cards show it; the media feature fills it in (see {@link Pictures}).
 *
 * @param src         the site-local address of the middle-sized variant, for {@code src}
 * @param srcset      every variant with its width, for {@code srcset}
 * @param width       the width of {@code src}, for the {@code width} attribute (the ratio is what matters)
 * @param height      the height of {@code src}
 * @param largest     the site-local address of the widest variant, for social cards and feeds
 * @param contentType the variants' type, such as {@code image/jpeg}
 * @param largestBytes the size of the widest variant's file, for a feed's enclosure
 */
public record Picture(String id, String src, String srcset, int width, int height, String alt, String caption,
                      String credit, String largest, int largestWidth, int largestHeight, String contentType,
                      long largestBytes) {
    /** The Markdown that puts this picture in a story's text, its caption as the title. */
    public String markdown() {
        String title = caption.isBlank() ? "" : " \"" + caption.replace("\"", "'") + "\"";
        return "![" + alt.replace("[", "(").replace("]", ")") + "](" + src + title + ")";
    }

    public boolean hasCaption() {
        return !caption.isBlank();
    }

    public boolean hasCredit() {
        return !credit.isBlank();
    }
}
