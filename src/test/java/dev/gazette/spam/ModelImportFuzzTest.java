package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Fuzzes importing a shield model: it is either installed and works, or refused with {@link InvalidModelException}
 * and the model in force kept. When the first byte is odd the checksum is made right first, so the fuzzer gets
 * past it to the fields behind (a damaged model whose checksum still matches).
 */
class ModelImportFuzzTest {
    private static final Submission PROBE = Submission.builder("Cheap pills http://pills.example.xyz")
            .authorName("Ada").ip("192.0.2.1").build();

    @FuzzTest
    void aModelIsInstalledAndWorks_orRefusedAndTheOldOneKept(byte[] input) throws IOException {
        byte[] model = input.length > 0 && (input[0] & 1) == 1 ? withChecksum(Arrays.copyOfRange(input, 1, input.length))
                : input.length > 0 ? Arrays.copyOfRange(input, 1, input.length) : input;
        SpamShield shield = SpamShield.inMemory(ShieldSettings.defaults().withLearner(small()));
        Verdict before = shield.check(PROBE);
        try {
            shield.importModel(new ByteArrayInputStream(model));
        } catch (InvalidModelException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(shield.check(PROBE)).as("the model in force is kept").isEqualTo(before);
            return;
        }
        Verdict after = shield.check(PROBE);
        assertThat(after.spamProbability()).isBetween(0.0, 1.0);
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        shield.exportModel(exported);
        SpamShield again = SpamShield.inMemory(ShieldSettings.defaults().withLearner(small()));
        again.importModel(new ByteArrayInputStream(exported.toByteArray()));
        assertThat(again.check(PROBE)).as("an imported model exports the same model").isEqualTo(after);
    }

    static LearnerSettings small() {
        LearnerSettings d = LearnerSettings.defaults();
        return new LearnerSettings(10, d.alpha(), d.beta(), d.l1(), d.l2(), d.seedEpochs(), d.seed());
    }

    private static byte[] withChecksum(byte[] body) {
        if (body.length < 4) return body;
        CRC32 crc = new CRC32();
        crc.update(body, 0, body.length - 4);
        ByteBuffer.wrap(body, body.length - 4, 4).putInt((int) crc.getValue());
        return body;
    }
}
