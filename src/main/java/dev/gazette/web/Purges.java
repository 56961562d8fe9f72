package dev.gazette.web;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * The one call that drops changed pages wherever they are kept: this node's page cache first (so a cache that
 * asks again gets the new page), then the caches in front of the site.
 */
public final class Purges {
    private final PageCache local;
    private final EdgePurger edge;
    private final Consumer<SurrogateKeys> otherNodes;

    public Purges(PageCache local, EdgePurger edge) {
        this(local, edge, keys -> {});
    }

    /** @param otherNodes tells the site's other nodes to drop the same keys from their own page caches */
    public Purges(PageCache local, EdgePurger edge, Consumer<SurrogateKeys> otherNodes) {
        this.local = local;
        this.edge = edge;
        this.otherNodes = otherNodes;
    }

    public void purge(SurrogateKeys keys) {
        local.purge(keys);
        otherNodes.accept(keys);
        edge.purge(keys);
    }

    public void purge(Collection<String> keys) {
        purge(SurrogateKeys.of(keys));
    }

    /** For changes that touch every page: settings, the site's name, erased personal data. */
    public void everything() {
        purge(SurrogateKeys.everything());
    }
}
