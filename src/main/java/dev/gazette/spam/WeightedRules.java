package dev.gazette.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hand-weighted rules in log-odds. They alone decide while the classifier abstains, and
 * afterwards they are the offset the classifier learns on top of, so a site never starts from
 * nothing and the classifier only has to learn what the rules miss.
 */
final class WeightedRules {
    private static final Set<String> NAME_SPAM_WORDS = Set.of("casino", "poker", "loan", "loans", "viagra", "cialis",
            "porn", "xxx", "seo", "cheap", "discount", "bitcoin", "crypto", "forex", "pharmacy", "pills", "replica",
            "escort", "escorts", "dating", "betting", "payday", "followers", "backlinks", "marketing", "essay",
            "insurance", "mortgage", "outlet", "wholesale");
    private static final Set<String> CYRILLIC_LANGS = Set.of("ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg");
    private static final Set<String> HAN_LANGS = Set.of("zh", "ja");

    private final ShieldSettings settings;
    private final Links linkFinder = new Links();

    WeightedRules(ShieldSettings settings) {
        this.settings = settings;
    }

    List<RuleHit> apply(Submission s, Analysis a) {
        List<RuleHit> hits = new ArrayList<>();
        links(a, hits);
        authorName(a, hits);
        style(a, hits);
        if (s.recentIdenticalElsewhere() > 0) {
            int n = s.recentIdenticalElsewhere();
            hits.add(new RuleHit("dup", new Reason("the same text was posted " + times(n) + " elsewhere on the site recently",
                    1.0 + 0.5 * Math.min(n, 6))));
        }
        language(s, a, hits);
        history(s.history(), hits);
        fields(s, a, hits);
        return hits;
    }

    private static void links(Analysis a, List<RuleHit> hits) {
        int n = a.links().size();
        if (n == 0) {
            return;
        }
        int d = a.domains().size();
        double w = 0.6 + 0.4 * (Math.min(n, 5) - 1) + 0.3 * (Math.min(d, 5) - 1);
        String text = n + (n == 1 ? " link" : " links") + " to " + d + (d == 1 ? " domain" : " domains");
        hits.add(new RuleHit("links" + Math.min(n, 3) + "d" + Math.min(d, 3), new Reason(text, w)));
    }

    private void authorName(Analysis a, List<RuleHit> hits) {
        String name = a.authorName().lower();
        if (name.isEmpty()) {
            return;
        }
        if (!linkFinder.find(name, List.of()).isEmpty()) {
            hits.add(new RuleHit("name-url", new Reason("the name contains a web address", 2.0)));
            return;
        }
        for (String w : Analyzer.words(name)) {
            if (NAME_SPAM_WORDS.contains(w)) {
                hits.add(new RuleHit("name-spamword", new Reason("the name contains '" + w + "'", 1.5)));
                return;
            }
        }
        if (name.split(" ").length >= 5) {
            hits.add(new RuleHit("name-long", new Reason("the name is a phrase of " + name.split(" ").length + " words", 0.8)));
        }
    }

    private static void style(Analysis a, List<RuleHit> hits) {
        String t = a.text().cased();
        int letters = 0;
        int upper = 0;
        int longestRun = 0;
        char runChar = 0;
        int run = 0;
        char prev = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 128) { // most text: no need for Character's tables
                boolean lowerCase = c >= 'a' && c <= 'z';
                boolean upperCase = c >= 'A' && c <= 'Z';
                letters += lowerCase || upperCase ? 1 : 0;
                upper += upperCase ? 1 : 0;
            } else if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
            run = (c == prev && c != ' ') ? run + 1 : 1;
            prev = c;
            if (run > longestRun) {
                longestRun = run;
                runChar = c;
            }
        }
        if (letters >= 12 && upper * 10 >= letters * 7) {
            hits.add(new RuleHit("caps", new Reason(String.format(Locale.ROOT, "%d%% of the letters are capitals",
                    Math.round(100.0 * upper / letters)), 0.8)));
        }
        if (longestRun >= 5 && !Character.isDigit(runChar)) {
            hits.add(new RuleHit("run", new Reason("one character repeated " + longestRun + " times ('"
                    + String.valueOf(runChar).repeat(Math.min(longestRun, 8)) + "')", 0.3)));
        }
        if (a.words().isEmpty()) {
            hits.add(new RuleHit("empty", new Reason("the text has no words", 0.5)));
        }
    }

    private void language(Submission s, Analysis a, List<RuleHit> hits) {
        String site = s.siteLanguage().isBlank() ? settings.siteLanguage() : s.siteLanguage().trim().toLowerCase(Locale.ROOT);
        String guess = a.language();
        if (site.isEmpty() || guess.isEmpty() || compatible(guess, site)) {
            return;
        }
        hits.add(new RuleHit("lang", new Reason("looks written in '" + guess + "', the site is in '" + site + "'", 0.8)));
    }

    private static boolean compatible(String guess, String site) {
        if (guess.equals(site)) {
            return true;
        }
        return (guess.equals("ru") && CYRILLIC_LANGS.contains(site)) || (HAN_LANGS.contains(guess) && HAN_LANGS.contains(site));
    }

    private static void history(History h, List<RuleHit> hits) {
        reputation("email", "this email", h.approvedByEmail(), h.spamByEmail(), 1.0, hits);
        reputation("ip", "this IP address", h.approvedByIp(), h.spamByIp(), 0.6, hits);
        reputation("net", "this network", h.approvedByNetwork(), h.spamByNetwork(), 0.3, hits);
        reputation("dom", "the linked domains", h.approvedLinkDomains(), h.spamLinkDomains(), 0.8, hits);
    }

    /** Log-shaped so the tenth spam adds less than the first; capped so history never outweighs a honeypot. */
    private static void reputation(String key, String who, int approved, int spam, double scale, List<RuleHit> hits) {
        if (spam > 0) {
            double w = scale * Math.min(3.0, 1.0 + 0.7 * Math.log1p(spam));
            hits.add(new RuleHit(key + "-spam", new Reason(who + " sent " + replies(spam) + " marked spam before", w)));
        }
        if (approved > 0) {
            double w = -scale * Math.min(3.0, 1.0 + 0.5 * Math.log1p(approved));
            hits.add(new RuleHit(key + "-ok", new Reason(who + " had " + replies(approved) + " approved before", w)));
        }
    }

    private static void fields(Submission s, Analysis a, List<RuleHit> hits) {
        String email = s.authorEmail().trim();
        if (!email.isEmpty()) {
            int at = email.indexOf('@');
            if (at <= 0 || email.indexOf('.', at) < 0 || email.indexOf(' ') >= 0) {
                hits.add(new RuleHit("bad-email", new Reason("the email address is not valid", 0.5)));
            }
        }
        if (!s.ip().isBlank() && IpNetwork.parse(s.ip()).isEmpty()) {
            hits.add(new RuleHit("bad-ip", new Reason("the IP address is not valid", 0.3)));
        }
        if (s.articleAgeDays().isPresent() && s.articleAgeDays().getAsDouble() > 90) {
            hits.add(new RuleHit("old-article", new Reason(String.format(Locale.ROOT,
                    "replies to an article %.0f days old", s.articleAgeDays().getAsDouble()), 0.3)));
        }
        if (s.type() == CommentType.TRACKBACK || s.type() == CommentType.PINGBACK) {
            hits.add(new RuleHit("ping", new Reason("a " + s.type().wireName() + ", not a person's reply", 0.5)));
        }
        if (!a.text().lower().isEmpty() && s.content().length() > TextNormalizer.MAX_CHARS) {
            hits.add(new RuleHit("huge", new Reason("the text is " + s.content().length() + " characters long", 0.5)));
        }
    }

    private static String replies(int n) {
        return n == 1 ? "1 reply" : n + " replies";
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }
}
