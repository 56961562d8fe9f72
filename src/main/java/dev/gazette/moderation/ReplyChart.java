package dev.gazette.moderation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** An inline SVG bar chart of replies per day, approved beside spam; numbers and dates only, nothing to escape. */
final class ReplyChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 180;
    private static final int BOTTOM = 24;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private ReplyChart() {}

    /** @param days per day, {approved, spam}, in date order */
    static String svg(Map<LocalDate, int[]> days) {
        int max = 1;
        for (int[] c : days.values()) max = Math.max(max, Math.max(c[0], c[1]));
        double slot = (double) WIDTH / Math.max(1, days.size());
        double bar = Math.max(1, slot / 2 - 1);
        StringBuilder svg = new StringBuilder(8192).append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT + BOTTOM).append("\" role=\"img\" aria-label=\"Replies per day for ").append(days.size())
                .append(" days: approved and spam\"><title>Replies per day: approved (blue) and spam (red)</title>");
        int i = 0;
        for (Map.Entry<LocalDate, int[]> day : days.entrySet()) {
            double x = i * slot;
            rect(svg, x, day.getValue()[0], max, bar, "#3b6ea5", day.getKey() + ": " + day.getValue()[0] + " approved");
            rect(svg, x + bar + 1, day.getValue()[1], max, bar, "#b3261e", day.getKey() + ": " + day.getValue()[1] + " spam");
            if (i % 7 == 0) {
                svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT + 16)
                        .append("\" font-size=\"11\" fill=\"currentColor\">").append(LABEL.format(day.getKey())).append("</text>");
            }
            i++;
        }
        return svg.append("<line x1=\"0\" y1=\"").append(HEIGHT).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(HEIGHT).append("\" stroke=\"currentColor\" stroke-width=\"1\"/></svg>").toString();
    }

    private static void rect(StringBuilder svg, double x, int value, int max, double width, String color, String title) {
        double h = (double) value / max * (HEIGHT - 10);
        svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(HEIGHT - h)).append("\" width=\"")
                .append(fmt(width)).append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(color)
                .append("\"><title>").append(title).append("</title></rect>");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
