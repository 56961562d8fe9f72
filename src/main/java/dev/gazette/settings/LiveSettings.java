package dev.gazette.settings;

import dev.gazette.comment.CommentSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings in force: the config file's, overlaid with those changed in the newsroom. A change applies at once
 * on the node that made it, on the others as soon as its notice ({@link #CHANNEL}) arrives, and within
 * {@link #REFRESH} when notices are not heard (the fallback: {@link #pollIfDeaf()}, run in the background that
 * often). Readers' requests only ever read the settings in memory: a database that hangs never holds up a page or
 * a health check because of them.
 */
public final class LiveSettings {
    private static final Logger log = LoggerFactory.getLogger(LiveSettings.class);
    /** The notice channel of saved settings. */
    public static final String CHANNEL = "gazette_settings";
    /** How often the settings are read again in the background while other nodes' notices are not heard. */
    public static final Duration REFRESH = Duration.ofSeconds(5);
    static final int MAX_TITLE = 80;
    static final int MAX_DESCRIPTION = 200;
    /** The settings key of the Gravatar opt-in. */
    public static final String GRAVATAR = "avatars.gravatar";

    private final SettingsStore store;
    private final CommentSettings baseComments;
    private final String baseTitle;
    private final String baseDescription;
    private final boolean baseGravatar;
    private final Clock clock;
    private volatile Snapshot current;
    private final BooleanSupplier told;

    public LiveSettings(SettingsStore store, CommentSettings baseComments, String baseTitle, String baseDescription,
                        boolean baseGravatar, Clock clock) {
        this(store, baseComments, baseTitle, baseDescription, baseGravatar, clock, () -> false);
    }

    /** @param told true while every change on another node reaches this one as a notice, so polling can wait */
    public LiveSettings(SettingsStore store, CommentSettings baseComments, String baseTitle, String baseDescription,
                        boolean baseGravatar, Clock clock, BooleanSupplier told) {
        this.told = told;
        this.baseGravatar = baseGravatar;
        this.store = store;
        this.baseComments = baseComments;
        this.baseTitle = baseTitle;
        this.baseDescription = baseDescription;
        this.clock = clock;
        this.current = load();
    }

    public CommentSettings comments() {
        return fresh().comments();
    }

    public String siteTitle() {
        return fresh().title();
    }

    public String siteDescription() {
        return fresh().description();
    }

    /** Whether avatars come from Gravatar (opted in) rather than the site's own identicons. */
    public boolean gravatar() {
        return fresh().gravatar();
    }

    /** Everything the settings page shows, as text by key. */
    public Map<String, String> values() {
        Snapshot s = fresh();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("site.title", s.title());
        v.put("site.description", s.description());
        v.put(GRAVATAR, String.valueOf(s.gravatar()));
        v.putAll(PolicyForm.values(s.comments()));
        return v;
    }

    /** Checks a form from the settings page; saves it when every field is good. Returns the problems by key. */
    public Map<String, String> save(Map<String, String> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = form.getOrDefault("site.title", "").strip();
        if (title.isEmpty()) errors.put("site.title", "The site needs a title.");
        if (title.length() > MAX_TITLE) errors.put("site.title", "Use at most " + MAX_TITLE + " characters for the title.");
        if (form.getOrDefault("site.description", "").strip().length() > MAX_DESCRIPTION) {
            errors.put("site.description", "Use at most " + MAX_DESCRIPTION + " characters for the description.");
        }
        errors.putAll(PolicyForm.parse(form::get, baseComments).errors());
        if (!errors.isEmpty()) return errors;
        Map<String, String> kept = new LinkedHashMap<>();
        for (String key : values().keySet()) {
            if (form.containsKey(key)) kept.put(key, form.get(key).strip());
        }
        store.save(kept, clock.instant());
        current = load();
        return Map.of();
    }

    /** Reads the settings again: another node saved them, or notices were missed. */
    public void reload() {
        current = load();
    }

    /**
     * Reads the settings again unless every change already reaches this node as a notice: the polling fallback, for
     * the scheduler to run every {@link #REFRESH}. A database that does not answer leaves the settings as last read.
     */
    public void pollIfDeaf() {
        if (told.getAsBoolean()) return;
        try {
            current = load();
        } catch (RuntimeException e) {
            log.warn("Settings kept as last read: the database did not answer ({})", e.toString());
        }
    }

    private Snapshot fresh() {
        return current;
    }

    private Snapshot load() {
        Map<String, String> saved = store.all();
        // Values saved by the page were checked when saved; a bad one (edited by hand) falls back to the config's.
        CommentSettings comments = PolicyForm.parse(saved::get, baseComments).settings();
        return new Snapshot(comments, saved.getOrDefault("site.title", baseTitle),
                saved.getOrDefault("site.description", baseDescription),
                saved.containsKey(GRAVATAR) ? "true".equals(saved.get(GRAVATAR)) : baseGravatar);
    }

    private record Snapshot(CommentSettings comments, String title, String description, boolean gravatar) {}
}
