package dev.gazette.media;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.filters.ImageFilter;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Turns an upload into the variants the site serves. Checks the size in bytes, sniffs the format, reads the
 * declared dimensions from the header and refuses too many pixels before decoding anything; turns the picture
 * upright by its EXIF orientation; and writes each variant afresh with the JDK's encoders, so nothing of the
 * upload's metadata (EXIF, GPS, XMP, comments) nor any bytes appended to it reach a reader.
 *
 * <p>Variants are JPEG, or PNG for a picture with transparency. WebP is read but not written: no maintained encoder
 * in pure Java exists (TwelveMonkeys reads WebP only), and a native one would tie the jar to platforms.
 */
public final class ImageProcessor {
    /** The widths served, as the page's {@code srcset} offers them; a narrower picture is never enlarged. */
    public static final List<Integer> WIDTHS = List.of(480, 960, 1600);
    private static final float JPEG_QUALITY = 0.82f;

    private final MediaLimits limits;
    // Decoding a large photograph takes a few hundred MB for a moment: a few at a time, never one per request.
    private final Semaphore decoding;

    public ImageProcessor(MediaLimits limits, int parallel) {
        this.limits = limits;
        this.decoding = new Semaphore(Math.max(1, parallel), true);
    }

    public MediaLimits limits() {
        return limits;
    }

    public Processed process(byte[] bytes) {
        if (bytes.length == 0) throw new PictureRefused("The file is empty. Choose the picture again and upload it.");
        if (bytes.length > limits.maxBytes()) {
            throw new PictureRefused("The file is " + megabytes(bytes.length) + " MB; this site takes pictures of up"
                    + " to " + megabytes(limits.maxBytes()) + " MB. Save it smaller (a JPEG of good quality is"
                    + " plenty) and upload it again.");
        }
        ImageKind kind = ImageKind.sniff(bytes);
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PictureRefused("The server is shutting down; upload the picture again in a moment.", e);
        }
        try {
            return decodeAndResize(bytes, kind);
        } finally {
            decoding.release();
        }
    }

    private Processed decodeAndResize(byte[] bytes, ImageKind kind) {
        Orientation orientation = kind == ImageKind.JPEG ? orientation(bytes) : Orientation.TOP_LEFT;
        BufferedImage source;
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            ImageReader reader = reader(kind);
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) throw unreadable(kind, null);
                if (width * height > limits.maxPixels()) {
                    throw new PictureRefused("The picture declares " + width + " × " + height + " pixels ("
                            + megapixels(width * height) + " megapixels); this site takes up to "
                            + megapixels(limits.maxPixels()) + " megapixels. Make it smaller and upload it again.");
                }
                source = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PictureRefused refused) throw refused;
            throw unreadable(kind, e);
        }
        boolean turned = switch (orientation) {
            case LEFT_TOP, RIGHT_TOP, RIGHT_BOTTOM, LEFT_BOTTOM -> true;
            default -> false;
        };
        int width = turned ? source.getHeight() : source.getWidth();
        int height = turned ? source.getWidth() : source.getHeight();
        boolean alpha = source.getColorModel().hasAlpha();
        String extension = alpha ? "png" : "jpg";
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;

        List<Integer> widths = widths(width);
        List<Variant> variants = new ArrayList<>();
        BufferedImage previous = null;
        // Widest first, each from the one before: most of the work is the first step down from the full picture.
        for (int i = widths.size() - 1; i >= 0; i--) {
            int w = widths.get(i);
            int h = Math.max(1, (int) Math.round((double) height * w / width));
            BufferedImage resized;
            try {
                if (previous == null) {
                    // Turned after resizing, which is cheaper: the turn touches only the smaller picture.
                    resized = Thumbnails.of(source).forceSize(turned ? h : w, turned ? w : h).imageType(type)
                            .asBufferedImage();
                    ImageFilter upright = ExifFilterUtils.getFilterForOrientation(orientation);
                    if (upright != null) resized = upright.apply(resized);
                } else {
                    resized = Thumbnails.of(previous).forceSize(w, h).imageType(type).asBufferedImage();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            variants.add(0, new Variant(w, h, extension, alpha ? png(resized) : jpeg(resized)));
            previous = resized;
        }
        return new Processed(id(bytes), kind, width, height, variants);
    }

    /** The widths to make for a picture this wide: the usual ones below it, and its own width when under the widest. */
    static List<Integer> widths(int width) {
        List<Integer> widths = new ArrayList<>();
        for (int w : WIDTHS) {
            if (w < width) widths.add(w);
        }
        int widest = WIDTHS.get(WIDTHS.size() - 1);
        if (width <= widest) widths.add(width);
        return widths;
    }

    /** The EXIF orientation of a JPEG; upright when it has none or it cannot be read. */
    private static Orientation orientation(byte[] bytes) {
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif")) {
                try (InputStream data = segment.segmentData()) {
                    Orientation o = ExifUtils.getOrientationFromExif(data.readAllBytes());
                    if (o != null) return o;
                }
            }
        } catch (IOException | RuntimeException e) {
            // A damaged EXIF block is common (editors mangle it); the picture itself may still be fine.
        }
        return Orientation.TOP_LEFT;
    }

    private static ImageReader reader(ImageKind kind) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind.imageIoName());
        if (!readers.hasNext()) throw new IllegalStateException("No ImageIO reader for " + kind);
        return readers.next();
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            // No metadata given: the writer puts a bare JFIF header and nothing of the upload.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) throw new IllegalStateException("No PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A name for the upload from its bytes: the same file always gets the same one, another file another. */
    static String id(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static PictureRefused unreadable(ImageKind kind, Exception cause) {
        return new PictureRefused("The file starts like a " + kind + " picture but could not be read: it may be"
                + " damaged or cut short. Open it in an image editor, save it again, and upload that.", cause);
    }

    private static String megabytes(long bytes) {
        return String.valueOf(Math.round(bytes / (1024.0 * 1024.0) * 10) / 10.0);
    }

    private static String megapixels(long pixels) {
        return String.valueOf(Math.round(pixels / 100_000.0) / 10.0);
    }
}
