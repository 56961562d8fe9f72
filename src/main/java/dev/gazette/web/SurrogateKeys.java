package dev.gazette.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names of the content a shared response was built from ({@code article-42}, {@code home}), so that a change
 * to that content drops every copy built from it: in this process and in the caches in front of the site. Every
 * shared response also carries {@link #SITE}, so purging that key drops everything.
 */
public record SurrogateKeys(Set<String> keys) {
    /** The key of everything the site serves to be shared: settings and the site's frame change every page. */
    public static final String SITE = "site";
    // The keys travel space-separated in one header, so a key is one plain token.
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public SurrogateKeys {
        for (String key : keys) {
            if (!KEY.matcher(key).matches()) throw new IllegalArgumentException("not a surrogate key: '" + key + "'");
        }
        keys = Collections.unmodifiableSet(new LinkedHashSet<>(keys));
    }

    public static SurrogateKeys of(String... keys) {
        return new SurrogateKeys(new LinkedHashSet<>(Arrays.asList(keys)));
    }

    public static SurrogateKeys of(Collection<String> keys) {
        return new SurrogateKeys(new LinkedHashSet<>(keys));
    }

    /** Everything: what a change to settings or to the site's frame purges. */
    public static SurrogateKeys everything() {
        return of(SITE);
    }

    public SurrogateKeys and(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(keys);
        all.addAll(more);
        return new SurrogateKeys(all);
    }

    public SurrogateKeys and(String... more) {
        return and(Arrays.asList(more));
    }

    /** The keys space-separated, in as few pieces of at most {@code maxLength} characters as they fit in. */
    public static List<String> joined(Collection<String> keys, int maxLength) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String key : keys) {
            if (current.length() > 0 && current.length() + 1 + key.length() > maxLength) {
                pieces.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) current.append(' ');
            current.append(key);
        }
        if (current.length() > 0) pieces.add(current.toString());
        return pieces;
    }

    public boolean isEverything() {
        return keys.contains(SITE);
    }

    /** Whether purging {@code purged} drops what carries these keys. */
    public boolean hitBy(SurrogateKeys purged) {
        return purged.isEverything() || purged.keys.stream().anyMatch(keys::contains);
    }

    /** The keys as a response names them ({@code xkey}, {@code Surrogate-Key}): space-separated, {@code site} first. */
    public String header() {
        Set<String> all = new LinkedHashSet<>();
        all.add(SITE);
        all.addAll(keys);
        return all.stream().collect(Collectors.joining(" "));
    }
}
