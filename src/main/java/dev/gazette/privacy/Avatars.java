package dev.gazette.privacy;

import dev.gazette.store.Hashes;
import dev.gazette.store.SiteSecret;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Identicon avatars keyed by an HMAC of the email under the site's secret. Unlike a Gravatar hash, the key cannot be
 * matched against a list of known addresses by anyone without the secret, so pages never leak who wrote what.
 */
public final class Avatars {
    private static final int GRID = 5;
    private static final int CELL = 8;
    // The drawing reads two characters for the colour and three per row; a shorter key is no avatar of ours.
    private static final int MIN_KEY = 2 + GRID * 3;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{" + MIN_KEY + ",43}");

    /** Where Gravatar serves pictures, for the Content-Security-Policy when the site opts in. */
    public static final String GRAVATAR_HOST = "https://www.gravatar.com";

    private final SiteSecret secret;
    private final BooleanSupplier gravatar;

    /** @param gravatar whether the site has opted in to Gravatar pictures (off by default: it leaks a hash) */
    public Avatars(SiteSecret secret, BooleanSupplier gravatar) {
        this.secret = secret;
        this.gravatar = gravatar;
    }

    /** The address of the avatar for an email; the same email always gives the same picture on one site. */
    public String url(String email) {
        if (gravatar.getAsBoolean()) {
            return GRAVATAR_HOST + "/avatar/" + Hashes.sha256Hex(email.strip().toLowerCase(Locale.ROOT)) + "?s=80&d=identicon";
        }
        return "/avatars/" + key(email) + ".svg";
    }

    String key(String email) {
        return secret.sign("avatar:" + email.strip().toLowerCase(Locale.ROOT)).substring(0, 20);
    }

    static boolean isKey(String key) {
        return KEY.matcher(key).matches();
    }

    /** A symmetric 5×5 pattern in one colour, drawn only from the key's characters. */
    static String svg(String key) {
        int[] bits = new int[key.length()];
        for (int i = 0; i < key.length(); i++) bits[i] = key.charAt(i);
        int hue = (bits[0] * 31 + bits[1] * 7) % 360;
        StringBuilder svg = new StringBuilder(600)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(GRID * CELL + 8).append(' ')
                .append(GRID * CELL + 8).append("\" role=\"img\" aria-label=\"avatar\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"hsl(").append(hue).append(",35%,92%)\"/>")
                .append("<g fill=\"hsl(").append(hue).append(",45%,42%)\">");
        for (int row = 0; row < GRID; row++) {
            for (int col = 0; col < 3; col++) {
                if ((bits[2 + row * 3 + col] & 1) == 0) continue;
                square(svg, col, row);
                if (col < 2) square(svg, GRID - 1 - col, row);
            }
        }
        return svg.append("</g></svg>").toString();
    }

    private static void square(StringBuilder svg, int col, int row) {
        svg.append("<rect x=\"").append(4 + col * CELL).append("\" y=\"").append(4 + row * CELL)
                .append("\" width=\"").append(CELL).append("\" height=\"").append(CELL).append("\"/>");
    }
}
