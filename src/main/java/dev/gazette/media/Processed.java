package dev.gazette.media;

import java.util.List;

/**
 * An upload turned into what is served: its id (from a hash of its bytes), its size once upright, and its variants,
 * narrowest first.
 */
public record Processed(String id, ImageKind kind, int width, int height, List<Variant> variants) {
    public Processed {
        variants = List.copyOf(variants);
    }
}
