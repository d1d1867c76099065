// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.privacy;

import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes key files: created exclusively (a key file is never overwritten by accident: its keys may be the only
 * way to read a store) and readable by the owner only where the file system has POSIX permissions.
 */
final class KeyFiles {
    private KeyFiles() {
    }

    /**
     * Creates {@code file} holding {@code text}, owner read/write only.
     *
     * @param option the option that named the file, for the error message
     * @throws ValidationException when the file exists
     * @throws TailorException when it cannot be written
     */
    static void create(Path file, String text, String option) {
        try {
            Files.createFile(file, ownerOnly(file));
        } catch (FileAlreadyExistsException e) {
            throw ValidationException.of(option, file + " exists; a key file is never overwritten (its keys may be "
                    + "the only way to read a store): choose another name, or move the old file away first");
        } catch (NoSuchFileException e) {
            throw new TailorException("cannot write key file " + file + ": the folder "
                    + file.toAbsolutePath().getParent() + " does not exist", e);
        } catch (IOException e) {
            throw new TailorException("cannot write key file " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new TailorException("cannot write key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Moves {@code from} over {@code to} in one step, so a reader sees the old file or the new, never half. */
    static void replace(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rw-------"))};
        }
        // Windows: ACLs inherited from the folder apply; the docs ask operators to restrict the folder.
        return new FileAttribute<?>[0];
    }
}
