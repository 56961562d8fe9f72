package dev.gazette.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.article.Picture;
import dev.gazette.article.Pictures;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's pictures: an upload becomes its variants (stored first) and then its description (stored last, so a
 * picture that is listed always has its files); served by name from memory once read.
 */
public final class MediaLibrary implements Pictures, AutoCloseable {
    // Variants are immutable, so a copy in memory is never stale; 64 MB holds a few hundred pictures' variants.
    private static final long MEMORY_BYTES = 64L * 1024 * 1024;

    private final ImageProcessor processor;
    private final MediaStore store;
    private final MediaFiles files;
    private final Clock clock;
    // Direct buffers: the socket writes them as they are, where a heap array is first copied for every request.
    private final Cache<String, ByteBuffer> memory = Caffeine.newBuilder()
            .maximumWeight(MEMORY_BYTES)
            .weigher((String name, ByteBuffer bytes) -> bytes.capacity())
            .build();

    public MediaLibrary(ImageProcessor processor, MediaStore store, MediaFiles files, Clock clock) {
        this.processor = processor;
        this.store = store;
        this.files = files;
        this.clock = clock;
    }

    /** What happened to an upload: the picture, and whether the same file was already in the library. */
    public record Added(MediaItem item, boolean existed) {}

    /**
     * Processes and stores an upload with what is said about it.
     *
     * @throws IllegalArgumentException when the text has {@link MediaText#errors() errors}
     * @throws PictureRefused           when the file is not a picture this site takes; the message says why
     */
    public Added add(byte[] upload, MediaText text) {
        Map<String, String> errors = text.errors();
        if (!errors.isEmpty()) throw new IllegalArgumentException(String.join(" ", errors.values()));
        Processed p = processor.process(upload);
        Optional<MediaItem> existing = store.find(p.id());
        if (existing.isPresent()) return new Added(existing.get(), true);
        for (Variant v : p.variants()) files.put(v.name(p.id()), v.bytes());
        MediaItem item = new MediaItem(p.id(), text.alt(), text.caption(), text.credit(), p.width(), p.height(),
                p.variants().get(0).extension(), p.variants().stream().map(Variant::width).toList(), clock.instant());
        boolean stored = store.insert(item);
        // Two uploads of the same file at once: the first description stays.
        return stored ? new Added(item, false) : new Added(store.find(p.id()).orElseThrow(), true);
    }

    /**
     * Says something new about a picture already here (its files stay as they are); empty when there is none.
     *
     * @throws IllegalArgumentException when the text has {@link MediaText#errors() errors}
     */
    public Optional<MediaItem> describe(String id, MediaText text) {
        Map<String, String> errors = text.errors();
        if (!errors.isEmpty()) throw new IllegalArgumentException(String.join(" ", errors.values()));
        if (!store.describe(id, text)) return Optional.empty();
        return store.find(id);
    }

    public Optional<MediaItem> item(String id) {
        return store.find(id);
    }

    public List<MediaItem> newest(int offset, int limit) {
        return store.recent(offset, limit);
    }

    /** A variant's bytes by its file name; empty for any name that is not one. */
    public Optional<byte[]> file(String name) {
        return buffer(name).map(b -> {
            byte[] copy = new byte[b.remaining()];
            b.duplicate().get(copy);
            return copy;
        });
    }

    /** A variant's bytes, read-only and shared (take a view before reading); empty for any name that is not one. */
    public Optional<ByteBuffer> buffer(String name) {
        if (!MediaFiles.NAME.matcher(name).matches()) return Optional.empty();
        ByteBuffer cached = memory.getIfPresent(name);
        if (cached != null) return Optional.of(cached);
        Optional<ByteBuffer> read = files.get(name).map(bytes ->
                ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer());
        read.ifPresent(bytes -> memory.put(name, bytes));
        return read;
    }

    public MediaLimits limits() {
        return processor.limits();
    }

    @Override
    public Optional<Picture> find(String id) {
        return store.find(id).map(m -> m.picture(buffer(m.id() + "-" + m.widest() + "." + m.extension())
                .map(bytes -> (long) bytes.remaining()).orElse(0L)));
    }

    @Override
    public List<Picture> recent(int limit) {
        return store.recent(0, limit).stream().map(MediaItem::picture).toList();
    }

    /** Closes the picture store's client (an S3 bucket's connections). */
    @Override
    public void close() {
        files.close();
    }
}
