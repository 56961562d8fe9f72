package dev.gazette.account;

import dev.gazette.store.Database;
import dev.gazette.store.Hashes;
import dev.gazette.store.SiteSecret;
import dev.gazette.text.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Staff accounts: adding people, signing in with growing delays after failures, and the activity log. */
public final class Accounts implements Activity {
    static final int MIN_PASSWORD = 12;
    // Who waits after failed sign-ins. A wait on the account alone lets anyone who knows a staff email keep its owner
    // out, right password and all. So failures count per (account, address): a stranger guessing from their own
    // address slows only themselves, and the owner signs in from anywhere else. Guessing from many addresses is
    // slowed by the account's own count, leniently (many free failures, a minute's wait at most), so that at worst it
    // delays the owner by a minute rather than locks them out. The address count slows one client across accounts.
    private static final Limit PER_PAIR = new Limit(3, Duration.ofMinutes(15));
    private static final Limit PER_ACCOUNT = new Limit(20, Duration.ofMinutes(1));
    // An address gets more tries than a pair: several people may share it.
    private static final Limit PER_ADDRESS = new Limit(10, Duration.ofMinutes(15));

    private final AccountStore store;
    private final PasswordHasher hasher = new PasswordHasher();
    private final Clock clock;
    // Per address and per (account, address) pair: on this node, or shared by all nodes; the account's count is in the
    // database, for all nodes.
    private final SignInFailures byAddress;
    private final SignInFailures byPair;
    // Verifying a password takes tens of milliseconds by design; unknown emails pay the same, so timing tells nothing.
    private final String dummyHash;
    private final NewDeviceListener newDevice;

    public Accounts(AccountStore store, Clock clock) {
        this(store, clock, false);
    }

    /** @param sharedLimits count failed sign-ins in the database, for every node (several nodes on PostgreSQL) */
    public Accounts(AccountStore store, Clock clock, boolean sharedLimits) {
        this(store, clock, sharedLimits, NewDeviceListener.NONE);
    }

    /** @param newDevice told, in the sign-in's transaction, of a sign-in from a browser new to its account */
    public Accounts(AccountStore store, Clock clock, boolean sharedLimits, NewDeviceListener newDevice) {
        this.newDevice = newDevice;
        this.byAddress = sharedLimits ? SignInFailures.shared(store, PER_ADDRESS.longest())
                : SignInFailures.inMemory(PER_ADDRESS.longest());
        this.byPair = sharedLimits ? SignInFailures.shared(store, Duration.ofDays(1))
                : SignInFailures.inMemory(Duration.ofDays(1));
        this.store = store;
        this.clock = clock;
        this.dummyHash = hasher.hash("not a password anyone has");
    }

    /** Adds a staff member; says what to fix when the input will not do. */
    public StaffUser add(String email, String name, Role role, String password) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (!EmailAddress.isValid(normalized)) throw new IllegalArgumentException("Enter a valid email address.");
        if (password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("Use a password of at least " + MIN_PASSWORD + " characters.");
        }
        if (store.credentials(normalized).isPresent()) {
            throw new IllegalArgumentException("There is already a staff member with the email " + normalized + ".");
        }
        String shownName = name.isBlank() ? normalized.substring(0, normalized.indexOf('@')) : name.strip();
        long id;
        try {
            id = store.insert(normalized, shownName, role, hasher.hash(password), clock.instant());
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) {
                throw new IllegalArgumentException("There is already a staff member with the email " + normalized + ".");
            }
            throw e;
        }
        return new StaffUser(id, normalized, shownName, role);
    }

    /** The staff member with this email, if any. */
    public Optional<StaffUser> byEmail(String email) {
        return store.credentials(email.strip().toLowerCase(Locale.ROOT)).map(AccountStore.Credentials::user);
    }

    /**
     * Sets a new password (a reset by mail) and ends the account's open sessions, so whoever had the old one is out.
     * Says what to fix when the password will not do.
     */
    public void setPassword(long userId, String password) {
        if (password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("Use a password of at least " + MIN_PASSWORD + " characters.");
        }
        store.setPassword(userId, hasher.hash(password));
    }

    public static int minPassword() {
        return MIN_PASSWORD;
    }

    public boolean hasAdmin() {
        return store.anyAdmin();
    }

    public List<StaffUser> all() {
        return store.all();
    }

    /**
     * Checks a sign-in; after a few failures each further attempt must wait longer, per account and address, per
     * address, and (leniently) per account.
     */
    public SignIn signIn(String email, String password, String address) {
        return signIn(email, password, address, null);
    }

    /**
     * A sign-in from a browser: as {@link #signIn(String, String, String)}, and a good one records the browser, telling
     * the listener when it is new to an account that has signed in before.
     *
     * @param browser the browser's device value and User-Agent; null records none (a command, a test)
     */
    SignIn signIn(String email, String password, String address, Browser browser) {
        Instant now = clock.instant();
        String addressKey = "address " + address;
        Duration addressWait = PER_ADDRESS.remaining(byAddress.tally(addressKey, now), now);
        if (!addressWait.isZero()) return new SignIn.Wait(addressWait);
        Optional<AccountStore.Credentials> found = store.credentials(email.strip().toLowerCase(Locale.ROOT));
        String pairKey = null;
        if (found.isPresent()) {
            AccountStore.Credentials c = found.get();
            pairKey = "pair " + c.user().id() + " " + address;
            Duration wait = max(PER_PAIR.remaining(byPair.tally(pairKey, now), now),
                    PER_ACCOUNT.remaining(c.failedLogins(), c.lastFailed(), now));
            if (!wait.isZero()) return new SignIn.Wait(wait);
        }
        boolean ok;
        if (found.isPresent()) {
            ok = hasher.matches(password, found.get().passwordHash());
        } else {
            hasher.matches(password, dummyHash);
            ok = false;
        }
        if (!ok) {
            found.ifPresent(c -> store.failedLogin(c.user().id(), now));
            if (pairKey != null) byPair.failed(pairKey, now);
            byAddress.failed(addressKey, now);
            return new SignIn.Failed();
        }
        StaffUser user = found.get().user();
        if (browser == null) {
            store.goodLogin(user.id());
        } else {
            store.signedIn(user.id(), Devices.hash(user.id(), browser.device()), now, now.minus(Devices.LIFETIME),
                    h -> newDevice.signedIn(h, user, new NewDevice(now, BrowserNames.describe(browser.userAgent()),
                            Devices.network(address))));
        }
        byPair.forget(pairKey);
        return new SignIn.Ok(found.get().user());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Makes the one-time link that creates the first admin; valid for a day. */
    public String setupToken() {
        byte[] random = SiteSecret.random(24);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        store.insertSetupToken(hash(token), clock.instant().plus(Duration.ofDays(1)));
        return token;
    }

    public boolean setupTokenValid(String token) {
        return token != null && store.setupTokenValid(hash(token), clock.instant());
    }

    /** Creates the first admin with a setup token, which is then used up. */
    public StaffUser setUp(String token, String email, String name, String password) {
        if (hasAdmin()) throw new IllegalArgumentException("This site already has an admin; sign in instead.");
        if (token == null || !store.setupTokenValid(hash(token), clock.instant())) {
            throw new IllegalArgumentException("This setup link has expired or was used. Start ./gazette again for a new one.");
        }
        StaffUser admin = add(email, name, Role.ADMIN, password);
        store.takeSetupToken(hash(token), clock.instant());
        return admin;
    }

    @Override
    public void record(Staff who, String action, String target) {
        store.log(who.id(), who.name(), action, target, clock.instant());
    }

    public List<ActivityEntry> recentActivity(int limit) {
        return store.recentActivity(limit);
    }

    static String hash(String token) {
        return Hashes.sha256Hex(token);
    }

    /** The browser a sign-in comes from: the value of its device cookie, and what it says it is. */
    record Browser(String device, String userAgent) {}

    /** The outcome of a sign-in. */
    public sealed interface SignIn {
        /** Signed in. */
        record Ok(StaffUser user) implements SignIn {}

        /** Wrong email or password; which of the two is not said. */
        record Failed() implements SignIn {}

        /** Too many failures: try again after this long. */
        record Wait(Duration delay) implements SignIn {
            /** The wait in whole seconds, rounded up: a client that waits this long is let in. */
            public long seconds() {
                return Math.max(1, delay.plusSeconds(1).minusNanos(1).toSeconds());
            }
        }
    }

    /** How many failures are free, and the longest wait the doubling reaches. */
    private record Limit(int free, Duration longest) {
        Duration remaining(SignInFailures.Tally tally, Instant now) {
            return remaining(tally.count(), tally.last(), now);
        }

        Duration remaining(int failures, Instant lastFailed, Instant now) {
            if (failures < free) return Duration.ZERO;
            Duration delay = Duration.ofSeconds(1L << Math.min(20, failures - free + 1));
            if (delay.compareTo(longest) > 0) delay = longest;
            Duration left = Duration.between(now, lastFailed.plus(delay));
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

}
