// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.evaluate;

import dev.tailor.eval.harness.ProgressListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One progress bar per harness stage on stderr; a new stage closes the previous bar. Without a terminal (CI,
 * pipes, tests) each stage prints one line instead: redrawn bars would flood a log file. Thread-safe.
 */
final class ProgressBars implements ProgressListener, AutoCloseable {
    private final PrintWriter log;
    private final boolean terminal;
    private String stage;
    private ProgressBar bar;

    /** @param log where stage lines go when there is no terminal (the command's stderr) */
    ProgressBars(PrintWriter log) {
        this.log = log;
        this.terminal = System.console() != null;
    }

    @Override
    public synchronized void progress(String newStage, long done, long total) {
        if (!newStage.equals(stage)) {
            close();
            stage = newStage;
            if (!terminal) {
                log.println(newStage + " ...");
                log.flush();
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(newStage).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
