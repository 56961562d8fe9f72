package dev.gazette.article;

import java.util.Collection;
import java.util.Map;

/** How many public replies each article has, for the counts on lists of stories. */
public interface ReplyCounts {
    ReplyCounts NONE = ids -> Map.of();

    Map<Long, Integer> of(Collection<Long> articleIds);
}
