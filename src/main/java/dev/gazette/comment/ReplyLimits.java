package dev.gazette.comment;

import dev.gazette.spam.IpNetwork;
import dev.gazette.web.RateLimiter;
import dev.gazette.web.Throttle;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * How many replies one address and one network may send, counted before the shield spends time on them: on this
 * node with one node, across the site's nodes when the buckets are shared. An IPv6 reader owns a whole /64, so that is what "one address" means there. No limit is kept per email:
 * anyone can type an email, so a limit on it would let a stranger silence its owner.
 */
final class ReplyLimits {
    private final Throttle buckets;
    private final Supplier<CommentSettings> settings;

    ReplyLimits(Supplier<CommentSettings> settings) {
        this(settings, Throttle.inMemory(Duration.ofHours(1)));
    }

    ReplyLimits(Supplier<CommentSettings> settings, Throttle buckets) {
        this.settings = settings;
        this.buckets = buckets;
    }

    /** Zero when a reply from this address may go on; otherwise the seconds to wait. */
    long take(String ip, long nowNanos) {
        CommentSettings now = settings.get();
        if (now.perAddressHour() > 0) {
            long wait = buckets.take("reply-address:" + addressOf(ip), RateLimiter.Rate.perHour(now.perAddressHour()), nowNanos);
            if (wait > 0) return wait;
        }
        if (now.perNetworkHour() > 0) {
            return buckets.take("reply-network:" + IpNetwork.networkOf(ip).orElse(ip), RateLimiter.Rate.perHour(now.perNetworkHour()),
                    nowNanos);
        }
        return 0;
    }

    private static String addressOf(String ip) {
        return IpNetwork.parse(ip).map(a -> a instanceof Inet6Address ? prefix64(a) : a.getHostAddress()).orElse(ip);
    }

    private static String prefix64(InetAddress a) {
        byte[] b = Arrays.copyOf(a.getAddress(), 16);
        Arrays.fill(b, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(b).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 16 bytes are always an address
        }
    }
}
