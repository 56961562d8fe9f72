package dev.gazette.web;

import java.util.Locale;

/** Reads a browser's Accept-Encoding (RFC 9110 §12.5.3) to pick among the encodings a page was kept in. */
final class AcceptEncoding {
    enum Choice { BROTLI, GZIP, IDENTITY }

    private AcceptEncoding() {}

    /** Brotli when acceptable and kept, else gzip when acceptable, else the plain bytes. */
    static Choice choose(String header, boolean brotliKept) {
        if (header == null) return Choice.IDENTITY;
        double br = -1;
        double gzip = -1;
        double any = -1;
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(pieces);
            switch (coding) {
                case "br" -> br = q;
                case "gzip", "x-gzip" -> gzip = q;
                case "*" -> any = q;
                default -> { }
            }
        }
        if (br < 0) br = any;
        if (gzip < 0) gzip = any;
        if (brotliKept && br > 0 && br >= gzip) return Choice.BROTLI;
        return gzip > 0 ? Choice.GZIP : Choice.IDENTITY;
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].strip();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    return Double.parseDouble(p.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
