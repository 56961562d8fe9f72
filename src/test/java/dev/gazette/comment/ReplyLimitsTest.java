package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.privacy.Retention;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyLimitsTest {
    static CommentSettings limits(int perAddressHour, int perNetworkHour) {
        CommentSettings d = CommentSettings.defaults();
        return new CommentSettings(false, false, d.holdAtLinks(), List.of(), List.of(), 0, false, d.maxDepth(),
                d.pageSize(), false, d.maxCommentLength(), d.maxNameLength(), d.editMinutes(), perAddressHour,
                perNetworkHour, Retention.defaults());
    }

    @Test
    void aNetworkOfManyAddressesSharesOneLimit() {
        ReplyLimits limits = new ReplyLimits(() -> limits(60, 60));
        int accepted = 0;
        for (int host = 1; host <= 40; host++) {
            if (limits.take("203.0.113." + host, 0) == 0) accepted++;
        }
        assertThat(accepted).as("a sixth of 60 at once, whatever the address in the /24").isEqualTo(10);
        assertThat(limits.take("198.51.100.7", 0)).as("another network is not held up").isZero();
    }

    @Test
    void oneIpv6HostIsItsWholeSlash64() {
        ReplyLimits limits = new ReplyLimits(() -> limits(6, 0));
        assertThat(limits.take("2001:db8:1:2::1", 0)).isZero();
        assertThat(limits.take("2001:db8:1:2::ffff:1", 0)).as("same /64, new interface id").isPositive();
        assertThat(limits.take("2001:db8:1:3::1", 0)).as("the next /64").isZero();
    }

    @Test
    void zeroMeansNoLimitAndAChangeAppliesAtOnce() {
        CommentSettings[] now = {limits(0, 0)};
        ReplyLimits limits = new ReplyLimits(() -> now[0]);
        for (int i = 0; i < 100; i++) assertThat(limits.take("192.0.2.1", 0)).isZero();
        now[0] = limits(6, 0);
        assertThat(limits.take("192.0.2.1", 0)).isZero();
        assertThat(limits.take("192.0.2.1", 0)).isPositive();
    }
}
