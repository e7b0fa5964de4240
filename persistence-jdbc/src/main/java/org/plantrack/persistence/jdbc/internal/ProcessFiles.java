package org.plantrack.persistence.jdbc.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Which other process has a file open, where the system tells ({@code /proc} on Linux); for messages only. */
final class ProcessFiles {
    private ProcessFiles() {
    }

    /**
     * The id of another process of this user that has {@code file} open, if {@code /proc} says so;
     * empty elsewhere, or when no such process is visible.
     */
    static Optional<Long> holderOf(Path file) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc.resolve("self").resolve("fd"))) {
            return Optional.empty();
        }
        Path target;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pidDir : pids) {
                long pid = Long.parseLong(pidDir.getFileName().toString());
                if (pid != self && holds(pidDir.resolve("fd"), target)) {
                    return Optional.of(pid);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean holds(Path fdDir, Path target) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).equals(target)) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // closed meanwhile, or not a link
                }
            }
        } catch (IOException | RuntimeException e) {
            // another user's process, or gone
        }
        return false;
    }
}
