package dev.gazette.spam;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The model's binary format, version 3, big-endian:
 * magic "GZSHIELD", int version, learner settings, double NB smoothing, double NB frozen spam share,
 * long spamSeen, long hamSeen, int count, count x (int slot, double z, double n, float spamCount,
 * float hamCount) for the slots ever touched, then a CRC32 of all before.
 *
 * <p>Older versions are refused with their own message: version 1 had no Naive Bayes counts, and
 * version 2 hashed other features (no word triples, character 2-grams) with other NB smoothing,
 * so their weights mean nothing to this model.
 */
final class ModelCodec {
    static final byte[] MAGIC = "GZSHIELD".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 3;

    private ModelCodec() {
    }

    static byte[] encode(ShieldModel m) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(VERSION);
            LearnerSettings l = m.learner;
            out.writeInt(l.hashBits());
            out.writeDouble(l.alpha());
            out.writeDouble(l.beta());
            out.writeDouble(l.l1());
            out.writeDouble(l.l2());
            out.writeInt(l.seedEpochs());
            out.writeLong(l.seed());
            out.writeDouble(NaiveBayes.SMOOTHING);
            out.writeDouble(m.nb.frozenSpamShare());
            out.writeLong(m.spamSeen);
            out.writeLong(m.hamSeen);
            double[] z = m.ftrl.z;
            double[] n = m.ftrl.n;
            float[] sc = m.nb.spamCount;
            float[] hc = m.nb.hamCount;
            int count = 0;
            for (int i = 0; i < n.length; i++) {
                if (touched(m, i)) {
                    count++;
                }
            }
            out.writeInt(count);
            for (int i = 0; i < n.length; i++) {
                if (touched(m, i)) {
                    out.writeInt(i);
                    out.writeDouble(z[i]);
                    out.writeDouble(n[i]);
                    out.writeFloat(sc[i]);
                    out.writeFloat(hc[i]);
                }
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    private static boolean touched(ShieldModel m, int i) {
        return m.ftrl.n[i] != 0.0 || m.ftrl.z[i] != 0.0 || m.nb.spamCount[i] != 0f || m.nb.hamCount[i] != 0f;
    }

    static ShieldModel decode(byte[] data) throws InvalidModelException {
        if (data.length < MAGIC.length + 8) {
            throw new InvalidModelException("not a Gazette spam model: only " + data.length + " bytes");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (data[i] != MAGIC[i]) {
                throw new InvalidModelException("not a Gazette spam model: the file does not start with GZSHIELD");
            }
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        b.position(MAGIC.length);
        int version = b.getInt();
        if (version == 1 || version == 2) {
            throw InvalidModelException.outdated("spam model format version " + version + " was written by an earlier"
                    + " Gazette, whose classifier used other features" + (version == 1 ? " and no Naive Bayes counts" : "")
                    + "; this build reads version " + VERSION
                    + ". Train the shield again ('gazette spam train --from-site' to learn from the site's own"
                    + " moderated replies, or '--dataset PATH') or import a model exported by this version");
        }
        if (version != VERSION) {
            throw new InvalidModelException("spam model format version " + version
                    + " is not supported (this build reads version " + VERSION + "); retrain or export it again");
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - 4);
        int stored = ByteBuffer.wrap(data, data.length - 4, 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new InvalidModelException("the spam model is damaged (checksum mismatch); export it again or retrain");
        }
        try {
            LearnerSettings l = new LearnerSettings(b.getInt(), b.getDouble(), b.getDouble(), b.getDouble(),
                    b.getDouble(), b.getInt(), b.getLong());
            double smoothing = b.getDouble();
            if (smoothing != NaiveBayes.SMOOTHING) {
                throw new InvalidModelException("the spam model uses Naive Bayes smoothing " + smoothing
                        + ", this build only " + NaiveBayes.SMOOTHING + "; train the shield again");
            }
            double share = b.getDouble();
            if (!(share > 0 && share < 1)) {
                throw new InvalidModelException("the spam model is damaged (spam share " + share + ")");
            }
            long spam = b.getLong();
            long ham = b.getLong();
            int count = b.getInt();
            int size = 1 << l.hashBits();
            if (count < 0 || count > size || spam < 0 || ham < 0) {
                throw new InvalidModelException("the spam model is damaged (impossible counts)");
            }
            double[] z = new double[size];
            double[] n = new double[size];
            float[] sc = new float[size];
            float[] hc = new float[size];
            for (int k = 0; k < count; k++) {
                int i = b.getInt();
                if (i < 0 || i >= size) {
                    throw new InvalidModelException("the spam model is damaged (slot " + i + " out of range)");
                }
                z[i] = b.getDouble();
                n[i] = b.getDouble();
                sc[i] = b.getFloat();
                hc[i] = b.getFloat();
                // A checksum guards against accidents only: a NaN or infinite weight would make every check fail.
                if (!Double.isFinite(z[i]) || !(n[i] >= 0 && n[i] < Double.POSITIVE_INFINITY)) {
                    throw new InvalidModelException("the spam model is damaged (impossible weight at slot " + i + ")");
                }
                if (!(sc[i] >= 0f && hc[i] >= 0f && sc[i] <= spam && hc[i] <= ham)) {
                    throw new InvalidModelException("the spam model is damaged (impossible counts at slot " + i + ")");
                }
            }
            if (b.remaining() != 4) {
                throw new InvalidModelException("the spam model is damaged (" + (b.remaining() - 4) + " stray bytes)");
            }
            return new ShieldModel(l, z, n, sc, hc, spam, ham, share);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new InvalidModelException("the spam model is damaged (" + e.getClass().getSimpleName() + ")");
        }
    }
}
