package org.opensoc.cli;

import io.quarkus.arc.All;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** With no arguments the jar serves HTTP; with a sub-command it runs that command and exits with its code. */
@QuarkusMain
public class OpenSocMain implements QuarkusApplication {

    @Command(name = "opensoc", mixinStandardHelpOptions = true,
            description = "Security-log triage. With no command, serves the HTTP API and the UI.")
    static final class Top implements Runnable {
        @Override
        public void run() {
            // Only reached with no sub-command, which run() below treats as serve.
        }
    }

    @Inject
    @All
    List<CliCommand> commands;

    /** A command must not bind the HTTP port: the service may be running beside it on the same host. */
    public static void main(String... args) {
        if (args.length > 0) {
            System.setProperty("quarkus.http.host-enabled", "false");
        }
        Quarkus.run(OpenSocMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        CommandLine cli = new CommandLine(new Top());
        for (CliCommand command : commands) {
            cli.addSubcommand(command);
        }
        return cli.execute(args);
    }
}
