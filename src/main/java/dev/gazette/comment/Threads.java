package dev.gazette.comment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Arranges a flat list of replies into threads: each reply under its parent, in the order they were posted. */
final class Threads {
    private Threads() {}

    /**
     * @param comments every reply to show, in any order
     * @param node     turns one reply and its already-built children into a node
     */
    static List<ReplyNode> build(List<Comment> comments, BiFunction<Comment, List<ReplyNode>, ReplyNode> node) {
        Map<Long, List<Comment>> byParent = new HashMap<>();
        Map<Long, Comment> byId = new LinkedHashMap<>();
        List<Comment> sorted = new ArrayList<>(comments);
        sorted.sort(Comparator.comparing(Comment::createdAt).thenComparingLong(Comment::id));
        sorted.forEach(c -> byId.put(c.id(), c));
        List<Comment> roots = new ArrayList<>();
        for (Comment c : sorted) {
            // A reply whose parent is not shown (held, deleted) still shows, at the top level.
            if (c.parentId().isPresent() && byId.containsKey(c.parentId().get())) {
                byParent.computeIfAbsent(c.parentId().get(), k -> new ArrayList<>()).add(c);
            } else {
                roots.add(c);
            }
        }
        Function<Comment, ReplyNode> build = new Function<>() {
            @Override
            public ReplyNode apply(Comment c) {
                return node.apply(c, byParent.getOrDefault(c.id(), List.of()).stream().map(this).toList());
            }
        };
        return roots.stream().map(build).toList();
    }
}
