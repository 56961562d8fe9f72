package dev.gazette.privacy;

import dev.gazette.web.Page;
import dev.gazette.web.PageCache;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.SurrogateKeys;
import dev.gazette.web.Templates;
import io.javalin.config.RoutesConfig;
import java.util.function.Function;
import java.util.function.Supplier;

/** The privacy page, generated from the settings in force. */
public final class PrivacyRoutes implements Routes {
    private final Supplier<PrivacyFacts> facts;
    private final Templates templates;
    private final Function<String, Page> chrome;
    private final PageCache cache;

    /** @param facts the facts in force; a settings change purges every page, so the page follows at once */
    public PrivacyRoutes(Supplier<PrivacyFacts> facts, Templates templates, Function<String, Page> chrome,
                         PageCache cache) {
        this.facts = facts;
        this.templates = templates;
        this.chrome = chrome;
        this.cache = cache;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/privacy", ctx -> cache.serve(ctx, Responses.HTML, SurrogateKeys.of(), () -> templates.render("privacy/privacy.jte",
                new PrivacyView(chrome.apply("Privacy"), facts.get()))));
    }

    /** The model of the privacy page. */
    public record PrivacyView(Page page, PrivacyFacts facts) {}
}
