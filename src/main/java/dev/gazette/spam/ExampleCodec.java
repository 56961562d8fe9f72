package dev.gazette.spam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Serialises a learned {@link Example} for the {@link ModelStore} log; versioned like the model. */
final class ExampleCodec {
    private static final int VERSION = 1;

    private ExampleCodec() {
    }

    static byte[] encode(Example e) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            Submission s = e.submission();
            out.writeByte(VERSION);
            out.writeBoolean(e.spam());
            for (String f : new String[] {s.content(), s.authorName(), s.authorEmail(), s.authorUrl(), s.ip(),
                    s.userAgent(), s.referrer(), s.permalink(), s.siteLanguage(), s.honeypot(), s.articleTitle()}) {
                writeString(out, f);
            }
            out.writeUTF(s.type().wireName());
            writeOptional(out, s.secondsToPost());
            writeOptional(out, s.articleAgeDays());
            out.writeInt(s.articleTags().size());
            for (String t : s.articleTags()) {
                writeString(out, t);
            }
            History h = s.history();
            for (int c : new int[] {h.approvedByEmail(), h.spamByEmail(), h.approvedByIp(), h.spamByIp(),
                    h.approvedByNetwork(), h.spamByNetwork(), h.approvedLinkDomains(), h.spamLinkDomains()}) {
                out.writeInt(c);
            }
            out.writeInt(s.recentIdenticalElsewhere());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new IllegalStateException("writing to memory cannot fail", ex);
        }
    }

    static Example decode(byte[] data) throws InvalidModelException {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            int version = in.readByte();
            if (version != VERSION) {
                throw new InvalidModelException("learned-example log entry has unknown version " + version);
            }
            boolean spam = in.readBoolean();
            String[] f = new String[11];
            for (int i = 0; i < f.length; i++) {
                f[i] = readString(in);
            }
            CommentType type = CommentType.fromWireName(in.readUTF());
            OptionalDouble seconds = readOptional(in);
            OptionalDouble age = readOptional(in);
            int tagCount = in.readInt();
            if (tagCount < 0 || tagCount > 10_000) {
                throw new InvalidModelException("learned-example log entry is damaged (tag count " + tagCount + ")");
            }
            List<String> tags = new ArrayList<>(tagCount);
            for (int i = 0; i < tagCount; i++) {
                tags.add(readString(in));
            }
            History h = new History(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                    in.readInt(), in.readInt(), in.readInt());
            int dup = in.readInt();
            Submission s = new Submission(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], type, f[8], seconds,
                    f[9], f[10], tags, age, h, dup);
            return new Example(s, spam);
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof InvalidModelException ime) {
                throw ime;
            }
            throw new InvalidModelException("learned-example log entry is damaged: " + ex.getMessage());
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (64 << 20)) {
            throw new IOException("string length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static void writeOptional(DataOutputStream out, OptionalDouble d) throws IOException {
        out.writeBoolean(d.isPresent());
        out.writeDouble(d.orElse(0.0));
    }

    private static OptionalDouble readOptional(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        double v = in.readDouble();
        return present ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
}
