package dev.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.store.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The media library over one file store and one database: run once per implementation of {@link MediaFiles}. */
abstract class MediaLibraryContract {
    private Database db;
    MediaFiles files;
    MediaLibrary library;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T09:00:00Z"));

    abstract Database openDatabase();

    abstract MediaFiles files(Database db);

    /** A store of its own, what takes it away (its server stopped, its folder gone), and what cleans up after. */
    record StoreAway(MediaFiles files, Away away, AutoCloseable cleanup) {}

    interface Away {
        void takeAway() throws Exception;
    }

    abstract StoreAway storeThatGoesAway() throws Exception;

    @BeforeEach
    void setUp() {
        db = openDatabase();
        files = files(db);
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        library = new MediaLibrary(new ImageProcessor(MediaLimits.defaults(), 1), new MediaStore(db), files, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void anUploadIsStoredWithItsTextAndEveryVariantCanBeRead() throws IOException {
        MediaLibrary.Added added = library.add(TestPictures.jpeg(1200, 800),
                new MediaText(" Boats in the harbour ", "The fleet came home early.", "Ana Lens / Meridian Press"));

        MediaItem item = added.item();
        assertThat(added.existed()).isFalse();
        assertThat(library.item(item.id())).contains(item);
        assertThat(item.alt()).isEqualTo("Boats in the harbour");
        assertThat(item.widths()).containsExactly(480, 960, 1200);
        assertThat(item.path(960)).isEqualTo("/media/" + item.id() + "-960.jpg");
        for (int w : item.widths()) {
            byte[] bytes = library.file(item.id() + "-" + w + ".jpg").orElseThrow();
            assertThat(ImageIO.read(new ByteArrayInputStream(bytes)).getWidth()).isEqualTo(w);
            // straight from the store as well, not only from memory
            assertThat(files.get(item.id() + "-" + w + ".jpg")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        }
        assertThat(library.find(item.id())).hasValueSatisfying(p -> {
            assertThat(p.srcset()).isEqualTo(item.path(480) + " 480w, " + item.path(960) + " 960w, "
                    + item.path(1200) + " 1200w");
            assertThat(p.width()).isEqualTo(960);
            assertThat(p.height()).isEqualTo(640);
            assertThat(p.credit()).isEqualTo("Ana Lens / Meridian Press");
        });
    }

    @Test
    void theSameFileTwiceIsOnePictureAndKeepsItsFirstText() {
        byte[] photo = TestPictures.jpeg(600, 400);
        MediaItem first = library.add(photo, new MediaText("First words", "", "")).item();
        MediaLibrary.Added again = library.add(photo.clone(), new MediaText("Other words", "", ""));

        assertThat(again.existed()).isTrue();
        assertThat(again.item()).isEqualTo(first);
        assertThat(library.newest(0, 10)).hasSize(1);
    }

    @Test
    void withoutAltTextOrAsABombNothingIsStored() {
        assertThatThrownBy(() -> library.add(TestPictures.jpeg(600, 400), new MediaText("  ", "A caption", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alt text");
        assertThatThrownBy(() -> library.add(TestPictures.pngBomb(), new MediaText("A bomb", "", "")))
                .isInstanceOf(PictureRefused.class);
        assertThat(library.newest(0, 10)).isEmpty();
    }

    @Test
    void newestComeFirst() {
        library.add(TestPictures.jpeg(300, 200), new MediaText("Older", "", ""));
        now.set(now.get().plusSeconds(60));
        library.add(TestPictures.png(300, 200, true), new MediaText("Newer", "", ""));

        assertThat(library.newest(0, 10)).extracting(MediaItem::alt).containsExactly("Newer", "Older");
        assertThat(library.recent(1)).extracting(p -> p.alt()).containsExactly("Newer");
        assertThat(library.newest(0, 10).get(0).extension()).isEqualTo("png");
    }

    @Test
    void storingANameTwiceKeepsTheFirstBytesAndOnlyVariantNamesAreRead() {
        String name = "0123456789abcdef0123456789abcdef-480.jpg";
        files.put(name, new byte[] {1, 2, 3});
        files.put(name, new byte[] {4, 5, 6});
        assertThat(files.get(name)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(files.get("0123456789abcdef0123456789abcdef-960.jpg")).isEmpty();
        assertThatThrownBy(() -> files.get("../gazette.db")).isInstanceOf(IllegalArgumentException.class);
        assertThat(library.file("../gazette.db")).isEmpty();
        assertThat(library.file("0123456789abcdef0123456789abcdef-480.html")).isEmpty();
    }

    @Test
    void theBytesComeBackAsTheyWentAndAMissingNameIsEmpty() {
        byte[] bytes = new byte[700_000];
        new Random(17).nextBytes(bytes);
        for (int i = 0; i < 256; i++) bytes[i] = (byte) i;
        String name = "fedcba9876543210fedcba9876543210-1200.png";
        assertThat(files.get(name)).isEmpty();
        files.put(name, bytes);
        assertThat(files.get(name)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        assertThat(files.get("fedcba9876543210fedcba9876543210-1200.jpg")).isEmpty();
        assertThat(files.get("fedcba9876543210fedcba9876543211-1200.png")).isEmpty();
    }

    @Test
    void aStoreThatIsAwayFailsAsUnavailableNeverAsMissing() throws Exception {
        StoreAway store = storeThatGoesAway();
        try {
            String name = "00112233445566778899aabbccddeeff-480.jpg";
            store.files().put(name, new byte[] {7, 8, 9});
            assertThat(store.files().get(name)).hasValueSatisfying(b -> assertThat(b).containsExactly(7, 8, 9));

            store.away().takeAway();

            // What the site answers 503 with Retry-After: a reader's picture is not "gone", only late.
            assertThatThrownBy(() -> store.files().get(name)).satisfies(e -> assertThat(unavailable(e))
                    .as("counted as the store away: %s", e).isTrue());
            assertThatThrownBy(() -> store.files().put("00112233445566778899aabbccddeeff-960.jpg", new byte[] {1}))
                    .satisfies(e -> assertThat(unavailable(e)).as("counted as the store away: %s", e).isTrue());
        } finally {
            store.cleanup().close();
        }
    }

    @Test
    void closingTheLibraryClosesItsStore() {
        AtomicBoolean closed = new AtomicBoolean();
        MediaFiles watched = new MediaFiles() {
            @Override public void put(String name, byte[] bytes) { files.put(name, bytes); }
            @Override public Optional<byte[]> get(String name) { return files.get(name); }
            @Override public void close() { closed.set(true); }
        };
        new MediaLibrary(new ImageProcessor(MediaLimits.defaults(), 1), new MediaStore(db), watched, Clock.systemUTC())
                .close();
        assertThat(closed).as("the store's client (an S3 bucket's connections and threads) let go").isTrue();
    }

    private static boolean unavailable(Throwable e) {
        return Database.isUnavailable(e) || MediaStoreUnavailable.isCause(e);
    }
}
