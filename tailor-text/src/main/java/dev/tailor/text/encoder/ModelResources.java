// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import dev.tailor.core.error.TailorException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads model files from the classpath, failing with the Maven artifact to add when one is missing. */
final class ModelResources {
    private ModelResources() {
    }

    static byte[] read(ModelSpec spec, String resource) {
        for (ClassLoader loader : loaders()) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    return in.readAllBytes();
                }
            } catch (IOException e) {
                throw new TailorException("text model " + spec.id() + ": cannot read classpath resource '"
                        + resource + "' from " + spec.artifact() + ": " + e.getMessage(), e);
            }
        }
        throw new TailorException("text model " + spec.id() + ": file '" + resource
                + "' is not on the classpath; add the Maven dependency " + spec.artifact()
                + " (it carries the model and its tokenizer at the jar root)");
    }

    /**
     * This module's class loader first, then the thread's context loader, so the jars may sit on the
     * application class path or in a container's web-app loader.
     */
    private static List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>(2);
        loaders.add(ModelResources.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != loaders.get(0)) {
            loaders.add(context);
        }
        return loaders;
    }
}
