// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.evaluate;

import dev.tailor.eval.harness.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** One progress bar per harness stage on stderr; a new stage closes the previous bar. Thread-safe. */
final class ProgressBars implements ProgressListener, AutoCloseable {
    private String stage;
    private ProgressBar bar;

    @Override
    public synchronized void progress(String newStage, long done, long total) {
        if (!newStage.equals(stage)) {
            close();
            stage = newStage;
            bar = new ProgressBarBuilder().setTaskName(newStage).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
        bar.stepTo(done);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
