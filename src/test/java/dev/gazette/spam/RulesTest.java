package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule, seen through the verdict of a fresh shield (where only rules decide). */
class RulesTest {
    private final SpamShield shield = SpamShield.inMemory(ShieldSettings.defaults().withSiteLanguage("en")
            .withDisallowedKeys(List.of("Bad-Word", "203.0.113.9")));

    private Verdict check(Submission.Builder b) {
        return shield.check(b.build());
    }

    private static Reason reason(Verdict v, String containing) {
        return v.reasons().stream().filter(r -> r.text().contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no reason containing '" + containing + "' in " + v.reasons()));
    }

    @Test
    void filledHoneypotIsDiscarded() {
        Verdict v = check(Submission.builder("hello").honeypot("http://x.example"));
        assertThat(v.decision()).isEqualTo(Decision.DISCARD);
        assertThat(reason(v, "honeypot").weight()).isPositive();
    }

    @Test
    void postingFasterThanAPersonIsDiscardedButNormalSpeedIsNot() {
        Verdict fast = check(Submission.builder("hello").secondsToPost(1.2));
        assertThat(fast.decision()).isEqualTo(Decision.DISCARD);
        assertThat(reason(fast, "posted 1.2 s after the page loaded").weight()).isPositive();
        assertThat(check(Submission.builder("hello").secondsToPost(45)).decision()).isEqualTo(Decision.HAM);
    }

    @Test
    void disallowedKeyInAnyFieldIsDiscarded() {
        assertThat(check(Submission.builder("this has a BAD-WORD in it")).decision()).isEqualTo(Decision.DISCARD);
        assertThat(check(Submission.builder("fine").ip("203.0.113.9")).decision()).isEqualTo(Decision.DISCARD);
        assertThat(reason(check(Submission.builder("fine").authorName("bad-word fan")), "disallowed key 'bad-word'"))
                .isNotNull();
        assertThat(check(Submission.builder("nothing wrong")).decision()).isEqualTo(Decision.HAM);
    }

    @Test
    void linksCountWithTheirDomains() {
        Verdict one = check(Submission.builder("see http://a.example.com"));
        Verdict four = check(Submission.builder("http://a.com/1 http://a.com/2 http://b.net http://c.org"));
        assertThat(reason(four, "4 links to 3 domains").weight()).isGreaterThan(reason(one, "1 link to 1 domain").weight());
        assertThat(four.spamProbability()).isGreaterThan(one.spamProbability());
    }

    @Test
    void webAddressOrSpamWordInTheNameWeighs() {
        assertThat(reason(check(Submission.builder("nice").authorName("cheap-loans.com")), "name contains a web address")
                .weight()).isPositive();
        assertThat(reason(check(Submission.builder("nice").authorName("Best Casino Deals")), "the name contains 'casino'")
                .weight()).isPositive();
    }

    @Test
    void capitalsAndRepeatedCharactersWeigh() {
        Verdict v = check(Submission.builder("BUY NOW THIS IS AMAZING!!!!!!!!"));
        assertThat(reason(v, "of the letters are capitals").weight()).isPositive();
        assertThat(reason(v, "one character repeated").weight()).isPositive();
    }

    @Test
    void sameTextElsewhereWeighsMoreTheMoreOften() {
        double once = reason(check(Submission.builder("hi").recentIdenticalElsewhere(1)), "posted once").weight();
        double often = reason(check(Submission.builder("hi").recentIdenticalElsewhere(5)), "posted 5 times").weight();
        assertThat(often).isGreaterThan(once).isGreaterThan(0);
    }

    @Test
    void languageOtherThanTheSitesWeighs() {
        Verdict ru = check(Submission.builder("Отличная статья, спасибо большое за информацию"));
        assertThat(reason(ru, "looks written in 'ru', the site is in 'en'").weight()).isPositive();
        Verdict de = check(Submission.builder("Das ist nicht gut und ich bin sehr traurig über die Sache"));
        assertThat(reason(de, "'de'").weight()).isPositive();
        Verdict en = check(Submission.builder("This is the best report I have read on the subject and it was fair"));
        assertThat(en.reasons()).noneMatch(r -> r.text().contains("looks written"));
    }

    @Test
    void historyOfSpamRaisesAndApprovedHistoryLowers() {
        Verdict spammer = check(Submission.builder("hello").history(new History(0, 4, 0, 2, 0, 9, 0, 0)));
        assertThat(reason(spammer, "this email sent 4 replies marked spam").weight()).isPositive();
        assertThat(reason(spammer, "this IP address sent 2 replies").weight()).isPositive();
        assertThat(reason(spammer, "this network sent 9").weight()).isPositive();
        Verdict regular = check(Submission.builder("http://my.example.com").history(History.ofEmail(12, 0)));
        assertThat(reason(regular, "this email had 12 replies approved").weight()).isNegative();
        assertThat(regular.spamProbability()).isLessThan(check(Submission.builder("http://my.example.com")).spamProbability());
        Verdict badDomains = check(Submission.builder("x").history(new History(0, 0, 0, 0, 0, 0, 0, 3)));
        assertThat(reason(badDomains, "the linked domains sent 3").weight()).isPositive();
    }

    @Test
    void invalidIpAndEmailAreNoted() {
        Verdict v = check(Submission.builder("hello").ip("300.1.2.3").authorEmail("no-at-sign"));
        assertThat(reason(v, "IP address is not valid").weight()).isPositive();
        assertThat(reason(v, "email address is not valid").weight()).isPositive();
        assertThat(check(Submission.builder("hello").ip("2001:db8::1").authorEmail("a@b.example")).reasons())
                .noneMatch(r -> r.text().contains("not valid"));
    }

    @Test
    void enoughRuleEvidenceMarksSpamEvenBeforeTraining() {
        Verdict v = check(Submission.builder("CHEAP STUFF http://a.com http://b.net http://c.org http://d.biz!!!!!!")
                .authorName("cheap-stuff.biz").recentIdenticalElsewhere(3));
        assertThat(v.decision()).isEqualTo(Decision.SPAM);
        assertThat(v.classifierUsed()).isFalse();
    }
}
