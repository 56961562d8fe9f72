package dev.gazette.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Pictures made by the tests themselves: every format, a photograph with a location, a bomb, a polyglot. */
public final class TestPictures {
    private TestPictures() {}

    /** A picture with its left half red and its right half blue, so a turn shows. */
    public static BufferedImage halves(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(alpha ? new Color(220, 20, 20, 128) : new Color(220, 20, 20));
        g.fillRect(0, 0, width / 2, height);
        g.setColor(new Color(20, 20, 220));
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(int width, int height) {
        return encode(halves(width, height, false), "jpeg");
    }

    public static byte[] png(int width, int height, boolean alpha) {
        return encode(halves(width, height, alpha), "png");
    }

    public static byte[] gif(int width, int height) {
        return encode(halves(width, height, false), "gif");
    }

    /** A 64 × 40 lossy WebP (made once with cwebp; no Java library writes WebP). */
    public static byte[] webp() {
        return resource("lossy-64x40.webp");
    }

    /** A 64 × 40 lossless WebP with transparency on its right half. */
    public static byte[] webpWithAlpha() {
        return resource("lossless-alpha-64x40.webp");
    }

    private static byte[] resource(String name) {
        try (InputStream in = TestPictures.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final String GPS_COMMENT = "Taken at 51.5074N 0.1278W by the reporter";
    public static final String XMP_MARK = "SecretNewsroomLocation";

    /**
     * A JPEG as a phone writes it: EXIF with an orientation and a GPS latitude, an XMP packet and a comment, all in
     * segments after the JFIF header.
     */
    public static byte[] photoWithLocation(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        // ImageIO's JPEG starts with SOI and a JFIF APP0; ours go right after that.
        int app0Length = ((plain[4] & 0xFF) << 8) | (plain[5] & 0xFF);
        int insertAt = 4 + app0Length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, insertAt);
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exifTiff(orientation)));
        segment(out, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                ("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                        + "<rdf:Description xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/' photoshop:City='"
                        + XMP_MARK + "'/></rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        segment(out, 0xFE, GPS_COMMENT.getBytes(StandardCharsets.US_ASCII));
        out.write(plain, insertAt, plain.length - insertAt);
        return out.toByteArray();
    }

    /** A little-endian TIFF block: IFD0 with the orientation and a pointer to a GPS IFD holding a latitude. */
    private static byte[] exifTiff(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(92).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 2); // IFD0 at 8
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        b.putInt(0);
        b.putShort((short) 2); // GPS IFD at 38
        b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
        b.putInt(0);
        b.putInt(51).putInt(1).putInt(30).putInt(1).putInt(2664).putInt(100); // 51° 30' 26.64" at 68
        return b.array();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A PNG of a few hundred bytes whose header declares 100,000 × 100,000 pixels (40 GB once decoded). */
    public static byte[] pngBomb() {
        byte[] png = png(8, 8, false);
        ByteBuffer b = ByteBuffer.wrap(png);
        // IHDR follows the 8-byte signature: length (4), "IHDR" (4), width (4), height (4)… then its CRC.
        b.putInt(16, 100_000).putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    /** A JPEG of a few hundred bytes whose frame header declares 65,000 × 65,000 pixels. */
    public static byte[] jpegBomb() {
        byte[] jpeg = jpeg(8, 8);
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && ((jpeg[i + 1] & 0xFF) == 0xC0 || (jpeg[i + 1] & 0xFF) == 0xC2)) {
                // SOF: marker (2), length (2), precision (1), height (2), width (2)
                jpeg[i + 5] = (byte) (65_000 >> 8);
                jpeg[i + 6] = (byte) (65_000 & 0xFF);
                jpeg[i + 7] = (byte) (65_000 >> 8);
                jpeg[i + 8] = (byte) (65_000 & 0xFF);
                return jpeg;
            }
        }
        throw new IllegalStateException("no frame header");
    }

    public static final String SCRIPT = "<script>alert(document.domain)</script>";

    /** A GIF that is also an HTML page: a real picture, with a script in a comment block and after its end. */
    public static byte[] gifHtmlPolyglot() {
        byte[] gif = gif(40, 30);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Header and logical screen descriptor (13 bytes; no global colour table in ImageIO's output? keep it whole).
        int headerEnd = 13 + (((gif[10] & 0x80) != 0) ? 3 * (1 << ((gif[10] & 0x07) + 1)) : 0);
        out.write(gif, 0, headerEnd);
        byte[] comment = ("<html><body>" + SCRIPT + "</body></html>").getBytes(StandardCharsets.US_ASCII);
        out.write(0x21);
        out.write(0xFE);
        out.write(comment.length);
        out.write(comment, 0, comment.length);
        out.write(0);
        out.write(gif, headerEnd, gif.length - headerEnd);
        byte[] tail = ("\n<html>" + SCRIPT + "</html>\n").getBytes(StandardCharsets.US_ASCII);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    /** A JPEG with a script appended after its end marker. */
    public static byte[] jpegWithScript() {
        return concat(jpeg(120, 80), ("<html>" + SCRIPT + "</html>").getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] svg() {
        return ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + SCRIPT + "<rect width=\"10\" height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8);
    }
}
