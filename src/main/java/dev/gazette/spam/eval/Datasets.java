package dev.gazette.spam.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled texts: a folder of YouTube Spam Collection CSV files (CONTENT and CLASS columns
 * only; the others leak the label), one such CSV file, or a TSV file of {@code label<TAB>text}
 * lines with labels spam/ham (as the SMS Spam Collection ships).
 */
public final class Datasets {
    private Datasets() {
    }

    /** Loads every row as written, duplicates included. */
    public static List<LabelledText> load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".csv") || n.endsWith(".tsv");
                }).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IOException("no .csv or .tsv files in " + path);
            }
            List<LabelledText> all = new ArrayList<>();
            for (Path f : files) {
                all.addAll(loadFile(f));
            }
            return all;
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("no dataset at " + path + " (give a folder of CSV files or a TSV file)");
        }
        return loadFile(path);
    }

    /** Loads and removes duplicate texts, keeping the first; see {@link #dedupe}. */
    public static List<LabelledText> loadDistinct(Path path) throws IOException {
        return dedupe(load(path));
    }

    private static List<LabelledText> loadFile(Path f) throws IOException {
        String name = f.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? loadCsv(f) : loadTsv(f);
    }

    private static List<LabelledText> loadCsv(Path f) throws IOException {
        String source = f.getFileName().toString();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<LabelledText> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, format)) {
            if (!p.getHeaderMap().containsKey("CONTENT") || !p.getHeaderMap().containsKey("CLASS")) {
                throw new IOException(f + ": expected CONTENT and CLASS columns, found " + p.getHeaderNames());
            }
            for (CSVRecord rec : p) {
                if (!rec.isSet("CLASS")) {
                    continue;
                }
                out.add(new LabelledText(rec.get("CONTENT"), label(rec.get("CLASS"), f, "record " + rec.getRecordNumber()), source));
            }
        }
        return out;
    }

    private static List<LabelledText> loadTsv(Path f) throws IOException {
        String source = f.getFileName().toString();
        List<LabelledText> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IOException(f + " line " + (i + 1) + ": expected label<TAB>text");
            }
            out.add(new LabelledText(line.substring(tab + 1), label(line.substring(0, tab), f, "line " + (i + 1)), source));
        }
        return out;
    }

    private static boolean label(String raw, Path f, String where) throws IOException {
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "1", "spam":
                return true;
            case "0", "ham":
                return false;
            default:
                throw new IOException(f + " " + where + ": label '" + raw + "' is not spam/ham/1/0");
        }
    }

    /**
     * Keeps the first of texts that are equal once U+FEFF is removed and the ends are trimmed,
     * so that no text is both trained on and tested.
     */
    public static List<LabelledText> dedupe(List<LabelledText> rows) {
        Set<String> seen = new LinkedHashSet<>();
        List<LabelledText> out = new ArrayList<>();
        for (LabelledText t : rows) {
            if (seen.add(dedupeKey(t.text()))) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Drops texts of the larger class, chosen by a seeded shuffle, until spam makes up the given
     * share; order is kept. Real sites are rarely balanced (more ham, or far more spam), and a
     * balanced corpus cannot show how a filter copes with that.
     */
    public static List<LabelledText> withSpamShare(List<LabelledText> rows, double share, long seed) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("the spam share must be between 0 and 1, not " + share);
        }
        List<Integer> spam = new ArrayList<>();
        List<Integer> ham = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (rows.get(i).spam() ? spam : ham).add(i);
        }
        boolean thinSpam = spam.size() > share * rows.size();
        List<Integer> thinned = thinSpam ? spam : ham;
        int keep = (int) Math.round(thinSpam ? share * ham.size() / (1 - share) : (1 - share) * spam.size() / share);
        Collections.shuffle(thinned, new Random(seed));
        Set<Integer> dropped = new HashSet<>(thinned.subList(Math.min(keep, thinned.size()), thinned.size()));
        List<LabelledText> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!dropped.contains(i)) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    static String dedupeKey(String text) {
        return text.replace("\uFEFF", "").trim();
    }
}
