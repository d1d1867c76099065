// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

/**
 * Keeps the DJL tokenizer library from touching the network.
 *
 * <p>Read from the DJL 0.35.1 sources: {@code HuggingFaceTokenizer.newInstance} calls {@code Ec2Utils.callHome},
 * which probes the EC2 metadata address 169.254.169.254 (1 s timeouts) and may send a telemetry request, once a
 * day per JVM; and its native loader may download a CUDA build of the library when it sees a GPU. Both are
 * skipped in DJL's offline mode, and the telemetry also when {@code OPT_OUT_TRACKING} is true. The tokenizer's
 * CPU library itself ships inside the jar ({@code native/lib/<os>-<arch>/cpu}) and is copied once to
 * {@code ~/.djl.ai/tokenizers/} (or {@code $DJL_CACHE_DIR}); no download is ever needed.
 *
 * <p>DJL reads these switches as system properties or environment variables at call time, so setting the
 * properties before the first tokenizer is built suffices. This is process-wide state by necessity; a value the
 * operator already chose (property or environment variable) is left alone.
 */
final class DjlOffline {
    private DjlOffline() {
    }

    static synchronized void ensure() {
        setUnlessChosen("ai.djl.offline", "DJL_OFFLINE");
        setUnlessChosen("OPT_OUT_TRACKING", "OPT_OUT_TRACKING");
    }

    private static void setUnlessChosen(String property, String environmentVariable) {
        if (System.getProperty(property) == null && System.getenv(environmentVariable) == null) {
            System.setProperty(property, "true");
        }
    }
}
