package dev.gazette.spam;

import java.util.List;

/** What is read out of a submission's text once, shared by the rules and the features. */
record Analysis(NormalizedText text, List<String> words, List<Links.Link> links, List<String> domains,
        String language, NormalizedText authorName) {
}
