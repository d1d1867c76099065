// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.io.importer.ColumnMapping;
import dev.tailor.io.importer.CsvImporter;
import dev.tailor.io.importer.DatasetImporter;
import dev.tailor.io.importer.DatasetImporters;
import dev.tailor.io.importer.ImportFailedException;
import dev.tailor.io.importer.ImportOptions;
import dev.tailor.io.importer.ImportProgress;
import dev.tailor.io.importer.ImportReport;
import dev.tailor.io.importer.Importer;
import dev.tailor.io.importer.JsonLinesImporter;
import dev.tailor.io.importer.RecordKind;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailor import}: files and public datasets into the store, all or nothing. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        header = "Import a file or a public dataset, all or nothing.",
        description = {
            "Import a file or a dataset folder into the store, streaming, in one transaction: if more rows are",
            "rejected than --max-errors allows, or the input is unusable, nothing is imported and the store is",
            "exactly as before. Every rejected row is reported with file, line, field and reason.",
            "",
            "Formats:",
            "  csv, jsonl           generic items, customers or events (--kind); columns in docs/import-formats.md",
            "  auto                 detect a dataset from its files"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tailor import movielens ../shared/data/ml-100k",
            "  tailor import amazon-s3rec ../shared/data/amazon-s3rec/Beauty.txt",
            "  tailor import amazon-scientific ../shared/data/amazon-scientific",
            "  tailor import csv --kind items catalog.csv",
            "  tailor import csv --kind events --max-errors 100 --map user_id=customer --map timestamp=ts clicks.csv",
            "  tailor import jsonl --kind customers customers.jsonl"})
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FORMAT", description = "csv, jsonl, auto, or a dataset name (see above).")
    String format;

    @Parameters(index = "1", paramLabel = "PATH", description = "The file, or the dataset's folder.")
    Path path;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "What a csv/jsonl file holds: ${COMPLETION-CANDIDATES}.")
    RecordKind kind;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0",
            description = "Rows that may be rejected (and skipped) before the whole import is rolled back "
                    + "(default ${DEFAULT-VALUE}: any bad row aborts).")
    int maxErrors;

    @Option(names = "--map", paramLabel = "FIELD=COLUMN",
            description = "Read FIELD from a differently named column (csv/jsonl); repeatable.")
    List<String> mappings = new ArrayList<>();

    @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
            description = "Text encoding of a csv/jsonl file (default ${DEFAULT-VALUE}).")
    String charset;

    @Option(names = "--delimiter", paramLabel = "C", defaultValue = ",",
            description = "Field separator of a csv file, e.g. ';' or '\\t' (default '${DEFAULT-VALUE}').")
    String delimiter;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + ImportOptions.DEFAULT_BATCH_SIZE,
            description = "Records per write batch (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    /** Appends the dataset formats to the help text from the registry, so the list cannot go stale. */
    static void describeDatasets(CommandSpec importSpec) {
        List<String> lines = new ArrayList<>(List.of(importSpec.usageMessage().description()));
        for (DatasetImporter d : DatasetImporters.all()) {
            lines.add(String.format(Locale.ROOT, "  %-20s %s", d.name(), d.description()).replace("%", "%%"));
        }
        importSpec.usageMessage().description(lines.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        if (maxErrors < 0) {
            throw ValidationException.of("--max-errors", "must be >= 0, was " + maxErrors);
        }
        if (batchSize <= 0) {
            throw ValidationException.of("--batch-size", "must be > 0, was " + batchSize);
        }
        if (!Files.exists(path)) {
            throw ValidationException.of("PATH", "no such file or folder: " + path);
        }
        Importer importer = importer();
        ImportOptions options = ImportOptions.defaults().withMaxErrors(maxErrors).withBatchSize(batchSize);
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.open(); ProgressBar bar = Progress.bar("import", 1, "MB", 1 << 20)) {
            ImportProgress progress = new ImportProgress() {
                @Override
                public void begin(long totalBytes) {
                    bar.maxHint(Math.max(1, totalBytes));
                }

                @Override
                public void advance(long bytesRead, long rowsRead) {
                    bar.stepTo(bytesRead);
                    bar.setExtraMessage(String.format(Locale.ROOT, " %,d rows", rowsRead));
                }
            };
            ImportReport report;
            try {
                report = s.write(w -> importer.importInto(path, w, options, progress));
            } catch (ImportFailedException e) {
                bar.close();
                PrintWriter err = spec.commandLine().getErr();
                err.println("error: " + e.getMessage().stripTrailing());
                err.println("Nothing was imported: the store is exactly as before.");
                err.flush();
                return 1;
            }
            bar.stepTo(bar.getMax());
            bar.close();
            out.println(report.summary().stripTrailing());
            out.println("Store now: " + s.describe());
        }
        out.flush();
        return 0;
    }

    private Importer importer() {
        String f = format.strip().toLowerCase(Locale.ROOT);
        switch (f) {
            case "csv", "jsonl" -> {
                if (kind == null) {
                    throw ValidationException.of("--kind", "a " + f + " file needs --kind items, customers or events");
                }
                ColumnMapping mapping = ColumnMapping.parse(mappings).validateFor(kind);
                Charset cs = charset(charset);
                if (f.equals("jsonl")) {
                    return JsonLinesImporter.of(kind).withMapping(mapping).withCharset(cs);
                }
                return CsvImporter.of(kind).withMapping(mapping).withCharset(cs).withDelimiter(delimiter(delimiter));
            }
            case "auto" -> {
                return DatasetImporters.detect(path).orElseThrow(() -> ValidationException.of("FORMAT",
                        "could not recognise a dataset in " + path + "; name the format instead"));
            }
            default -> {
                if (kind != null || !mappings.isEmpty()) {
                    throw ValidationException.of("--kind", "--kind and --map apply to csv and jsonl only");
                }
                return DatasetImporters.require(f);
            }
        }
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("--charset", "unknown character set '" + name + "'");
        }
    }

    private static char delimiter(String d) {
        String v = d.equals("\\t") ? "\t" : d;
        if (v.length() != 1) {
            throw ValidationException.of("--delimiter", "expected one character, was '" + d + "'");
        }
        return v.charAt(0);
    }
}
