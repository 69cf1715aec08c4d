package org.opensoc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stderr is a terminal. Java has no call for it ({@code System.console()} also needs stdout to be one,
 * which a redirected {@code > findings.csv} is not), so this reads where Linux's fd 2 points; elsewhere, no.
 */
final class TerminalCheck {

    private TerminalCheck() {
    }

    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
