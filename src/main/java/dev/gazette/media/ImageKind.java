package dev.gazette.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The picture formats Gazette accepts, told apart by their first bytes, never by a file's name or declared type. */
public enum ImageKind {
    JPEG("jpeg"), PNG("png"), GIF("gif"), WEBP("webp");

    private final String imageIoName;

    ImageKind(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The ImageIO format name whose readers decode this kind. */
    String imageIoName() {
        return imageIoName;
    }

    /** The kind the bytes are, or a refusal that says what to send instead. */
    public static ImageKind sniff(byte[] bytes) {
        if (starts(bytes, 0, 0xFF, 0xD8, 0xFF)) return JPEG;
        if (starts(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return PNG;
        if (startsAscii(bytes, 0, "GIF87a") || startsAscii(bytes, 0, "GIF89a")) return GIF;
        if (startsAscii(bytes, 0, "RIFF") && startsAscii(bytes, 8, "WEBP")) return WEBP;
        if (looksLikeSvg(bytes)) {
            throw new PictureRefused("SVG drawings are not accepted: they can carry script that would run on this"
                    + " site. Export the drawing as PNG and upload that.");
        }
        throw new PictureRefused("This file is not a JPEG, PNG, GIF or WebP picture (whatever its name says)."
                + " Save it in one of those formats and upload it again.");
    }

    private static boolean looksLikeSvg(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.stripLeading().startsWith("<") && head.contains("<svg");
    }

    private static boolean starts(byte[] bytes, int at, int... expected) {
        if (bytes.length < at + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[at + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }

    private static boolean startsAscii(byte[] bytes, int at, String expected) {
        return starts(bytes, at, expected.chars().toArray());
    }
}
