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
 * pipes, tests) a stage prints a line when it starts and then at most one every half minute: redrawn bars would
 * flood a log file, silence would hide a stuck run. Thread-safe.
 */
final class ProgressBars implements ProgressListener, AutoCloseable {
    private final PrintWriter log;
    private final boolean terminal;
    private static final long LOG_INTERVAL_NANOS = 30_000_000_000L;
    private String stage;
    private ProgressBar bar;
    private long lastLine;

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
                lastLine = System.nanoTime();
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(newStage).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
        if (bar != null) {
            bar.stepTo(done);
        } else if (System.nanoTime() - lastLine >= LOG_INTERVAL_NANOS) {
            log.printf("%s: %,d of %,d%n", stage, done, total);
            log.flush();
            lastLine = System.nanoTime();
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
