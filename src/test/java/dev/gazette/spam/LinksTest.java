package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinksTest {
    private final Links links = new Links();

    @Test
    void findsUrlsWwwHostsAndBareDomains() {
        List<Links.Link> found = links.find("see http://a.example.com/x, www.shop.net and cheap-pills.biz.", List.of());
        assertThat(found).extracting(Links.Link::domain).containsExactly("example.com", "shop.net", "cheap-pills.biz");
    }

    @Test
    void ignoresOrdinaryPunctuation() {
        assertThat(links.find("i.e. it was 3.5 times better. e.g. fine", List.of())).isEmpty();
    }

    @Test
    void registrableDomainKeepsCountrySecondLevel() {
        assertThat(Links.domainOf("https://news.bbc.co.uk/path?q=1")).isEqualTo("bbc.co.uk");
        assertThat(Links.domainOf("HTTP://User@WWW.Example.COM:8080/")).isEqualTo("example.com");
        assertThat(Links.domainOf("not a url")).isEmpty();
    }

    @Test
    void aHostEndingInADotIsTheSameDomain_andEmptyLabelsGiveNone() {
        // Found by fuzzing: "http://pills.:8080" made domainOf throw, and with it every check of the reply.
        assertThat(Links.domainOf("http://pills.example.com.:8080/")).isEqualTo("example.com");
        assertThat(Links.domainOf("http://pills.:8080/")).isEmpty();
        assertThat(Links.domainOf("http://pills..")).isEmpty();
        assertThat(links.find("cheap at http://pills.:8080/x", List.of())).isEmpty();
    }

    @Test
    void distinctDomainsInFirstSeenOrder() {
        List<Links.Link> found = links.find("a.com/1 b.org a.com/2", List.of());
        assertThat(Links.domains(found)).containsExactly("a.com", "b.org");
    }

    @Test
    void plainSentencesSkipThePatternButEveryKindOfLinkIsStillFound() {
        assertThat(Links.mayHoldHost("I liked it. Really. The end...")).isFalse();
        assertThat(Links.mayHoldHost(". . .")).isFalse();
        assertThat(Links.mayHoldHost("see example.com")).isTrue();
        assertThat(Links.mayHoldHost("www.x")).isTrue();
        assertThat(links.find("visit shop.example.top now. thanks.", List.of())).extracting(Links.Link::domain)
                .containsExactly("example.top");
        assertThat(links.find("go to http://a.b.example.net/x.", List.of())).extracting(Links.Link::domain)
                .containsExactly("example.net");
        assertThat(links.find("nothing here. at all.", List.of())).isEmpty();
    }
}
