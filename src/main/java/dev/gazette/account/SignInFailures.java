package dev.gazette.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins counted by key (an address; an account and address), each forgotten after a quiet spell: in this
 * node's memory with one node, in the database with several, so that a guesser gains nothing by the balancer sending
 * each try to another node.
 */
interface SignInFailures {
    Tally tally(String key, Instant now);

    void failed(String key, Instant now);

    void forget(String key);

    /** How many failures, and when the last one was. */
    record Tally(int count, Instant last) {
        static final Tally NONE = new Tally(0, Instant.EPOCH);
    }

    /** This node's count, each key kept {@code idle} after its last use. */
    static SignInFailures inMemory(Duration idle) {
        Cache<String, Tally> tallies = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(100_000).build();
        return new SignInFailures() {
            @Override
            public Tally tally(String key, Instant now) {
                Tally t = tallies.getIfPresent(key);
                return t == null ? Tally.NONE : t;
            }

            @Override
            public void failed(String key, Instant now) {
                tallies.asMap().merge(key, new Tally(1, now), (old, one) -> new Tally(old.count() + 1, now));
            }

            @Override
            public void forget(String key) {
                tallies.invalidate(key);
            }
        };
    }

    /** The count every node shares, a row per key; a row unused for {@code idle} counts as none. */
    static SignInFailures shared(AccountStore store, Duration idle) {
        return new SignInFailures() {
            @Override
            public Tally tally(String key, Instant now) {
                return store.failures(key, now, idle);
            }

            @Override
            public void failed(String key, Instant now) {
                store.failed(key, now, idle);
            }

            @Override
            public void forget(String key) {
                store.forgetFailures(key);
            }
        };
    }
}
