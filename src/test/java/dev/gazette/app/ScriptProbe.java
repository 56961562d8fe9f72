package dev.gazette.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Real Chromium with a hook in every document that records anything an injected script would do (alert, confirm,
 * prompt, print, window.__xss, a new document.title, a CSP violation), and an audit of what the page's DOM holds
 * once the browser has parsed it: event-handler attributes, script elements, frames, and URLs whose scheme is
 * neither http(s) nor mailto, judged by the browser's own URL parser so entity and whitespace tricks count.
 */
final class ScriptProbe {
    // Runs before any of the page's own script, in every frame. The log lives in localStorage so that a vector which
    // navigates the page still leaves its trace; opaque origins (data: frames) fall back to the top window.
    private static final String HOOK = """
            (() => {
              const record = (how, what) => {
                const line = how + ':' + String(what) + ' @' + location.href;
                try {
                  const log = JSON.parse(localStorage.getItem('__xss_log') || '[]');
                  log.push(line);
                  localStorage.setItem('__xss_log', JSON.stringify(log));
                } catch (e) {
                  try { (window.top.__xssLog = window.top.__xssLog || []).push(line); } catch (e2) { /* nowhere left */ }
                }
              };
              window.__xss = x => record('__xss', x);
              window.alert = x => record('alert', x);
              window.confirm = x => { record('confirm', x); return false; };
              window.prompt = x => { record('prompt', x); return null; };
              window.print = x => record('print', x);
              const title = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
              if (title) Object.defineProperty(Document.prototype, 'title', {
                configurable: true, get() { return title.get.call(this); },
                set(v) { record('title', v); title.set.call(this, v); }
              });
              document.addEventListener('securitypolicyviolation',
                  e => record('csp', e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample), true);
            })();
            """;

    private static final String AUDIT = """
            const problems = [];
            const here = new URL(document.baseURI).origin;
            const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background',
                'cite', 'codebase', 'manifest', 'ping', 'to', 'from', 'values'];
            const safe = v => {
              try { return ['http:', 'https:', 'mailto:'].includes(new URL(v, document.baseURI).protocol); }
              catch (e) { return false; }
            };
            const forbidden = ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'math', 'style',
                'template', 'portal', 'fencedframe', 'set', 'animate', 'foreignobject', 'use', 'xmp', 'plaintext',
                'marquee', 'isindex', 'noscript', 'video', 'audio', 'source'];
            const where = el => el.localName + (el.id ? '#' + el.id : '') + ' in '
                + (el.closest('[id]') ? el.closest('[id]').id : '?');
            for (const el of document.querySelectorAll('*')) {
              const name = el.localName.toLowerCase();
              if (forbidden.includes(name)) problems.push('element <' + name + '> ' + where(el));
              if (name === 'svg' && !el.classList.contains('chart')) problems.push('element <svg> ' + where(el));
              if (name === 'script') {
                const ok = (el.getAttribute('src') || '').startsWith('/static/')
                    || (el.type === 'application/ld+json' && (() => { try { JSON.parse(el.textContent); return true; }
                                                                      catch (e) { return false; } })());
                if (!ok) problems.push('script ' + el.outerHTML.slice(0, 120));
              }
              if (name === 'meta' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh') {
                problems.push('meta refresh ' + el.outerHTML);
              }
              if (name === 'link' && !el.closest('head')) problems.push('link outside head ' + el.outerHTML);
              for (const a of el.attributes) {
                const n = a.name.toLowerCase();
                if (n.startsWith('on')) problems.push('handler ' + n + '= on ' + where(el));
                if (n === 'srcdoc') problems.push('attribute ' + n + ' on ' + where(el));
                if (urlAttrs.includes(n) && a.value !== '' && !safe(a.value)) {
                  problems.push('url ' + n + '=' + a.value.slice(0, 80) + ' on ' + where(el));
                }
              }
              if (name === 'form' && new URL(el.action, document.baseURI).origin !== here) {
                problems.push('form to ' + el.action);
              }
            }
            if (document.contentType.includes('xml')) {
              for (const n of ['script', 'iframe', 'img', 'a', 'svg']) {
                if (document.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', n).length > 0
                    || document.getElementsByTagNameNS('http://www.w3.org/2000/svg', n).length > 0) {
                  problems.push('markup element ' + n + ' in an XML document');
                }
              }
            }
            return problems;
            """;

    private final ChromeDriver driver;

    ScriptProbe(WebDriver driver) {
        this.driver = (ChromeDriver) driver;
        this.driver.executeCdpCommand("Page.enable", Map.of());
        this.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOK));
    }

    WebDriver driver() {
        return driver;
    }

    /** With the bypass on, the site's Content-Security-Policy is ignored: only escaping stands between a vector and a run. */
    void bypassCsp(boolean bypass) {
        driver.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", bypass));
    }

    /** What a page showed and did once loaded. */
    record Seen(String url, List<String> signals, List<String> problems, String text) {
        boolean clean() {
            return signals.isEmpty() && problems.isEmpty();
        }

        /** The visible text with white space collapsed and in lower case (CSS capitalises some), as a reader reads it. */
        String words() {
            return collapse(text);
        }
    }

    static String collapse(String s) {
        return s.replaceAll("[\\s\\u00A0\\u2028\\u2029]+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Opens the address and reports; the page stays open for more. */
    Seen open(String url) {
        driver.get(url);
        return seen();
    }

    /** Reports on the page now open, after letting pending events (image errors, focus) run. */
    @SuppressWarnings("unchecked")
    Seen seen() {
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));");

        List<String> signals = new ArrayList<>();
        try {
            String alert = driver.switchTo().alert().getText();
            signals.add("real dialog: " + alert);
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException e) {
            // the expected case
        }
        Object logged = driver.executeScript("let log = [];"
                + " try { log = JSON.parse(localStorage.getItem('__xss_log') || '[]'); localStorage.removeItem('__xss_log'); }"
                + " catch (e) { log = ['no localStorage: ' + e]; }"
                + " return log.concat(window.__xssLog || []);");
        signals.addAll((List<String>) logged);
        List<String> problems = new ArrayList<>((List<String>) driver.executeScript(AUDIT));
        String text = (String) driver.executeScript(
                "return document.body ? document.body.innerText : document.documentElement.textContent;");
        return new Seen(driver.getCurrentUrl(), signals, problems, text == null ? "" : text);
    }

    /**
     * In one round trip, for each [selector, attribute]: the visible text of the first element the selector finds (the
     * whole page for an empty selector), or with an attribute named, its value after parsing (a field's live value for
     * "value"); null when nothing matches.
     */
    @SuppressWarnings("unchecked")
    List<String> read(List<List<String>> queries) {
        return (List<String>) driver.executeScript("""
                return arguments[0].map(([selector, attribute]) => {
                  const el = selector ? document.querySelector(selector) : document.body;
                  if (!el) return null;
                  if (!attribute) return el.innerText;
                  return attribute === 'value' ? el.value : el.getAttribute(attribute);
                });
                """, queries);
    }

    /** Proves the hook and the bypass work: a handler injected into a page must be recorded. */
    List<String> control(String url) {
        bypassCsp(true);
        driver.get(url);
        driver.executeScript("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(\"control\")>');");
        return seen().signals();
    }
}
