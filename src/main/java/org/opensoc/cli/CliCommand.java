package org.opensoc.cli;

import java.util.concurrent.Callable;

/**
 * A sub-command of the packaged jar's command mode ({@code java -jar quarkus-run.jar NAME ...}). Implementations
 * are CDI beans annotated with picocli's {@code @Command(name = ...)}; {@link OpenSocMain} finds them all.
 */
public interface CliCommand extends Callable<Integer> {
}
