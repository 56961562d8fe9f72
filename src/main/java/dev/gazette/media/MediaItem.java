package dev.gazette.media;

import dev.gazette.article.Picture;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** A stored picture: what is said about it and the sizes it is served in. */
public record MediaItem(String id, String alt, String caption, String credit, int width, int height, String extension,
                        List<Integer> widths, Instant createdAt) {
    public MediaItem {
        widths = List.copyOf(widths);
    }

    /** The site-local address of the variant this wide. */
    public String path(int variantWidth) {
        return "/media/" + id + "-" + variantWidth + "." + extension;
    }

    public int heightAt(int variantWidth) {
        return Math.max(1, (int) Math.round((double) height * variantWidth / width));
    }

    public int widest() {
        return widths.get(widths.size() - 1);
    }

    /** The variant a page starts from (960 wide, or the widest there is), before srcset picks a better one. */
    public int middle() {
        return widths.contains(960) ? 960 : widest();
    }

    /** The Markdown that puts this picture in a story's text. */
    public String markdown() {
        String alt = this.alt.replace("[", "(").replace("]", ")");
        String title = caption.isBlank() ? "" : " \"" + caption.replace("\"", "'") + "\"";
        return "![" + alt + "](" + path(middle()) + title + ")";
    }

    public Picture picture() {
        return picture(0);
    }

    /** The picture as pages show it, with the size of the widest variant's file when known (else 0). */
    public Picture picture(long largestBytes) {
        int shown = middle();
        String srcset = widths.stream().map(w -> path(w) + " " + w + "w").collect(Collectors.joining(", "));
        return new Picture(id, path(shown), srcset, shown, heightAt(shown), alt, caption, MediaText.creditName(credit),
                path(widest()), widest(), heightAt(widest()), Variant.contentType(extension), largestBytes);
    }
}
