package dev.gazette.article;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where a republished story came from: the original headline, the outlet that ran it, the agency, and a link. */
public record Source(String headline, String outlet, String agency, Optional<String> url) {
    public Source {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(url, "url");
    }

    /** "Source: headline – outlet – agency", leaving out the parts that are empty. */
    public String line() {
        return "Source: " + Stream.of(headline, outlet, agency)
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining(" – "));
    }

    public boolean hasAgency() {
        return !agency.isBlank();
    }
}
