package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shipped systemd drop-in's log mask: requests out of the shared-memory log, failures and probes in. */
class VarnishSettingsTest {
    @Test
    void shippedLogMaskDropsEveryRequestRecordButKeepsErrorsAndProbes() throws IOException {
        List<String> options = Varnish.shippedOptions();
        // Several -p vsl_mask options add up in varnishd, so the masked tags are all of them together.
        List<String> masked = IntStream.range(0, options.size() - 1)
                .filter(i -> options.get(i).equals("-p") && options.get(i + 1).startsWith("vsl_mask="))
                .mapToObj(i -> options.get(i + 1).substring("vsl_mask=".length()))
                .flatMap(value -> Arrays.stream(value.split(",")))
                .toList();

        assertThat(masked).contains("-Begin", "-End", "-ReqStart", "-ReqMethod", "-ReqURL", "-ReqHeader",
                "-RespStatus", "-RespHeader", "-VCL_call", "-VCL_return", "-Timestamp", "-ReqAcct", "-Link");
        assertThat(masked).doesNotContain("-Error", "-FetchError", "-VCL_Error", "-SessError", "-Backend_health",
                "-HttpGarbage");
        assertThat(masked).allMatch(tag -> tag.startsWith("-"));
    }
}
