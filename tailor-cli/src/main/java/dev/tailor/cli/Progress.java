// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr, so stdout stays clean for tables and pipes. Without a terminal (CI, pipes, tests)
 * the bar stays silent: redrawing with carriage returns would flood a log file.
 */
final class Progress {
    private static final ProgressBarConsumer SILENT = new ProgressBarConsumer() {
        @Override
        public int getMaxRenderedLength() {
            return 80;
        }

        @Override
        public void accept(String rendered) {
        }

        @Override
        public void close() {
        }
    };

    private Progress() {
    }

    static ProgressBar bar(String task, long total, String unit, long unitSize) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(unit, unitSize)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .continuousUpdate()
                .setConsumer(System.console() == null ? SILENT
                        : new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
    }
}
