package dev.gazette.syndication;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches a feed from an address a staff member gave, without letting that address reach inside the newsroom's
 * network: only public addresses are connected to (unless the settings name the host), redirects are followed here,
 * at most five, each checked the same way, and the whole fetch, body included, has one time limit.
 *
 * <p>OkHttp rather than the JDK's HttpClient: the JDK's client on Java 17 has no hook between resolving a name and
 * connecting (no per-client resolver, no socket factory), so a check made beforehand could be undone by a second DNS
 * answer (rebinding), and connecting to a checked IP by hand breaks the Host header and TLS name checks. OkHttp takes
 * a socket factory, whose sockets check the resolved address in {@code connect} itself, while the URL's name still
 * gives the Host header, SNI and certificate check; and its call timeout spans reading the body, which the JDK's
 * request timeout does not.
 *
 * <p>Errors never quote the answer, and an address refused by the rule is refused before any connection, so a
 * closed port, a silent one and an open one on the private network all read the same.
 */
public final class FeedFetcher {
    public static final int MAX_BYTES = 10_000_000;
    static final int MAX_REDIRECTS = 5;
    static final String PRIVATE_ADDRESS = "This address is on a private or local network; Gazette does not fetch"
            + " those unless its host is named in the setting fetch.allow-hosts (GAZETTE_FETCH_ALLOW_HOSTS).";
    private static final String USER_AGENT = "Gazette feed reader";

    private final FetchSettings settings;
    /** Every connection checked: for any host the settings do not name. */
    private final OkHttpClient guarded;
    /** For the hosts the settings name, wherever they are. */
    private final OkHttpClient trusted;

    public FeedFetcher(FetchSettings settings) {
        this.settings = settings;
        this.trusted = new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                // Through a proxy the address checked would be the proxy's, and the proxy would reach the feed.
                .proxy(Proxy.NO_PROXY)
                .connectTimeout(settings.answerTimeout())
                .readTimeout(settings.answerTimeout())
                .writeTimeout(settings.answerTimeout())
                .callTimeout(settings.totalLimit())
                .build();
        // Shares the trusted client's threads and pool; a pooled connection is only reused for the same host,
        // the same socket factory included, so the two never lend each other a connection.
        this.guarded = trusted.newBuilder().socketFactory(new GuardedSocketFactory()).build();
    }

    /**
     * What is wrong with an address, found without looking anything up: not an http(s) address, or a literal address
     * (or {@code localhost}) on a private or local network. The rest is checked when it is fetched.
     */
    public Optional<String> problemWith(String url) {
        HttpUrl parsed = HttpUrl.parse(url.strip());
        if (parsed == null || !url.strip().matches("(?i)https?://\\S+")) {
            return Optional.of("Enter the feed's address, starting with http:// or https://.");
        }
        String host = parsed.host();
        if (settings.allows(host)) return Optional.empty();
        boolean literal = host.contains(":") || host.matches("[0-9.]+");
        try {
            if (host.equals("localhost") || host.endsWith(".localhost")
                    || literal && !OutsideAddresses.isPublic(InetAddress.getByName(host))) {
                return Optional.of(PRIVATE_ADDRESS);
            }
        } catch (UnknownHostException e) {
            return Optional.of("Enter the feed's address, starting with http:// or https://.");
        }
        return Optional.empty();
    }

    /** The answer to a GET with these extra headers: 200 with the body, or 304. */
    public Fetched get(String url, Map<String, String> headers) throws FetchFailed {
        HttpUrl current = HttpUrl.parse(url.strip());
        if (current == null) throw new FetchFailed("the address does not start with http:// or https://");
        long deadline = System.nanoTime() + settings.totalLimit().toNanos();
        for (int redirects = 0; ; redirects++) {
            Request.Builder request = new Request.Builder().url(current).header("User-Agent", USER_AGENT);
            headers.forEach(request::header);
            Call call = (settings.allows(current.host()) ? trusted : guarded).newCall(request.build());
            // One limit for the whole fetch: each hop has what the ones before it left.
            long left = deadline - System.nanoTime();
            if (left <= 0) throw tooSlow();
            call.timeout().timeout(left, TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                if (response.isRedirect()) {
                    if (redirects == MAX_REDIRECTS) {
                        throw new FetchFailed("the address redirected more than " + MAX_REDIRECTS + " times");
                    }
                    String location = response.header("Location");
                    // resolve() gives null for anything but an http or https address.
                    HttpUrl next = location == null ? null : current.resolve(location);
                    if (next == null) {
                        throw new FetchFailed("the address redirected to something other than an http or https address");
                    }
                    current = next;
                    continue;
                }
                if (response.code() == 304) return new Fetched(304, new byte[0], "", "");
                if (response.code() != 200) throw new FetchFailed("the server answered " + response.code());
                // One byte past the limit, no more: a huge feed is refused without being held.
                byte[] body = response.body().byteStream().readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw new FetchFailed("the feed is larger than " + MAX_BYTES / 1_000_000 + " MB");
                }
                return new Fetched(200, body, response.header("ETag", ""), response.header("Last-Modified", ""));
            } catch (FetchFailed e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw failure(call, e);
            }
        }
    }

    /** In words a staff member can act on, and the same words for every way a connection can fail. */
    private FetchFailed failure(Call call, Exception e) {
        if (causedBy(e, GuardedSocketFactory.RefusedAddress.class)) return new FetchFailed(PRIVATE_ADDRESS);
        // The total limit cancels the call.
        if (call.isCanceled()) return tooSlow();
        if (causedBy(e, SSLException.class)) {
            return new FetchFailed("the secure connection failed: the server's certificate could not be verified");
        }
        return new FetchFailed("no answer within " + settings.answerTimeout().toSeconds() + " s (the server could not"
                + " be reached, refused the connection or was too slow); check the address, or try again later");
    }

    private FetchFailed tooSlow() {
        return new FetchFailed("the feed did not arrive in full within " + settings.totalLimit().toSeconds() + " s");
    }

    /** Looks through causes and suppressed exceptions: a refusal may be one of several attempts, one per address. */
    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(e);
        for (int seen = 0; !todo.isEmpty() && seen < 50; seen++) {
            Throwable t = todo.poll();
            if (kind.isInstance(t)) return true;
            if (t.getCause() != null) todo.add(t.getCause());
            todo.addAll(List.of(t.getSuppressed()));
        }
        return false;
    }

    /** A feed's answer: its status (200 or 304), its body, and what to send to ask next time whether it changed. */
    public record Fetched(int status, byte[] body, String etag, String lastModified) {
        public boolean notModified() {
            return status == 304;
        }
    }
}
