package dev.gazette.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A person's data requests: a copy of everything stored under their email, or its erasure. */
public final class PersonalData {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final PersonalDataStore store;
    private final Clock clock;
    private final Runnable onChange;
    private final Runnable forgetCopies;

    /**
     * @param onChange     run when replies change (pages showing them are stale)
     * @param forgetCopies run after an erasure: copies kept elsewhere (the spam filter's learning log) go too
     */
    public PersonalData(PersonalDataStore store, Clock clock, Runnable onChange, Runnable forgetCopies) {
        this.store = store;
        this.clock = clock;
        this.onChange = onChange;
        this.forgetCopies = forgetCopies;
    }

    /** Everything stored about this email, as JSON: what a person receives when they ask for their data. */
    public String export(String email) {
        List<PersonalDataStore.StoredReply> replies = store.replies(email);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("email", email.strip());
        export.put("exportedAt", clock.instant());
        export.put("replies", replies);
        export.put("replyNotifications", store.subscriptions(email));
        export.put("mailsNotYetSent", store.mails(email));
        try {
            return JSON.writeValueAsString(export);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PersonalDataStore.Erasure erase(String email) {
        PersonalDataStore.Erasure erasure = store.erase(email, clock.instant());
        onChange.run();
        forgetCopies.run();
        return erasure;
    }

    public PersonalDataStore.RetentionRun applyRetention(Retention retention) {
        PersonalDataStore.RetentionRun run = store.applyRetention(retention, clock.instant());
        if (run.spamDeleted() + run.trashDeleted() > 0) onChange.run();
        return run;
    }
}
