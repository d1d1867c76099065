// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * About a million events generated and written to CSV in a separate JVM limited to a 64 MB heap: the events
 * alone would need several hundred MB if anything held them, so finishing proves they stream.
 */
class StreamingMemoryTest {
    private static final int HEAP_MB = 64;

    @Test
    void aMillionEventsStreamThroughASmallHeap(@TempDir Path dir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), SampleShopBenchmark.class.getName(),
                "--items", "20000", "--customers", "40000", "--sessions", "3.6", "--threads", "2",
                "--target", "csv", "--out", dir.toString()))
                .redirectErrorStream(true).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as(output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        Matcher events = Pattern.compile("events=(\\d+)").matcher(output);
        Matcher peak = Pattern.compile("peakHeapMB=([\\d.]+)").matcher(output);
        assertThat(events.find() && peak.find()).as(output).isTrue();
        assertThat(Long.parseLong(events.group(1))).isGreaterThan(900_000);
        assertThat(Double.parseDouble(peak.group(1))).isLessThanOrEqualTo(HEAP_MB);
        assertThat(dir.resolve("events.csv")).isNotEmptyFile();
    }
}
