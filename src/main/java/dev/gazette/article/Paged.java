package dev.gazette.article;

import java.util.List;

/** One page of a longer list, and enough to link to its neighbours. */
public record Paged<T>(List<T> items, int page, int pageSize, int total) {
    public Paged {
        items = List.copyOf(items);
    }

    public int pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** The row the page starts at, for a 1-based page number. */
    public static int offset(int page, int pageSize) {
        return (page - 1) * pageSize;
    }
}
