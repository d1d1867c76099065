// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.server.ServerConfig;
import dev.tailor.server.ServerConfigFile;
import dev.tailor.server.TailorServer;
import dev.tailor.server.model.ModelSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tailor train}: trains the server's model set offline and saves it in the store. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        header = "Train a model set and save it in the store, without serving.",
        description = {"Train what 'tailor serve' would train at start and save it in the store. A server",
            "started afterwards on the same store, with the same models configuration and an",
            "unchanged catalog, serves this set at once instead of training. Events added later",
            "reach the models at the server's next training."},
        footerHeading = "%nExamples:%n",
        footer = {"  tailor train --store h2:./tailor-data",
            "  tailor train --store h2:./tailor-data --config tailor-server.json"})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Server configuration (JSON, as for 'tailor serve'); its models section decides what "
                    + "is trained.")
    Path configFile;

    @Option(names = "--extra-model", paramLabel = "SPEC",
            description = "An additional registry model to train and serve, as for 'tailor serve' (repeatable).")
    List<String> extraModels = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ServerConfig config = ServerConfig.defaults();
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw ValidationException.of("--config", "no such file: " + configFile);
            }
            config = ServerConfigFile.load(configFile);
        }
        if (!extraModels.isEmpty()) {
            List<String> models = new ArrayList<>(config.models().extraModels());
            models.addAll(extraModels);
            config = config.withModels(config.models().withExtraModels(models));
        }
        try (Store s = store.open()) {
            ModelSet.Info info = TailorServer.trainAndSave(config, s, CliAlgorithms.forStore(s));
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "Trained model set %s in %,d ms (%,d users, %,d items, %,d events) and saved it in %s%n",
                    info.label(), info.trainMillis(), info.users(), info.items(), info.events(), s.describe());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
