package dev.gazette.spam;

import java.util.ArrayList;
import java.util.List;

/** Small hand-written training sets for shield tests. */
final class ShieldFixtures {
    private ShieldFixtures() {
    }

    static final List<String> HAM = List.of(
            "The council vote was closer than the article says.",
            "Thanks for naming the agency, good to know the source.",
            "Does the bridge closure affect the number 12 bus?",
            "My grandmother worked at that mill for thirty years.",
            "The chart is hard to read on a phone.",
            "Interesting piece but it only quotes one side.",
            "Where can I read the full report?",
            "Great photos of the festival, lovely parade.",
            "Small typo in the last sentence.",
            "Can you follow up on the missing funds?");

    static final List<String> SPAM = List.of(
            "Make money fast from home, visit www.cash-now.biz",
            "Cheap pills online no prescription http://pills.example.xyz",
            "Subscribe to my channel for free gift cards!!!",
            "Earn 500 dollars a day, click http://earn.example.top",
            "Buy followers cheap at http://followers.example.shop",
            "Free gift card giveaway, claim at http://gift.example.click",
            "Best casino bonus http://casino.example.club",
            "Work from home and earn money http://work.example.net",
            "Get free coins now www.coins-free.tk",
            "Check out my channel and subscribe please");

    /** Each text {@code times} times, so a shield with the default abstention count becomes active. */
    static List<Example> examples(int times) {
        List<Example> out = new ArrayList<>();
        for (int r = 0; r < times; r++) {
            for (int i = 0; i < HAM.size(); i++) {
                out.add(Example.of(HAM.get(i), false));
                out.add(Example.of(SPAM.get(i), true));
            }
        }
        return out;
    }

    static SpamShield trained() {
        SpamShield shield = SpamShield.inMemory(ShieldSettings.defaults());
        shield.seed(examples(3));
        return shield;
    }
}
