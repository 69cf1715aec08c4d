package org.opensoc.batch;

/**
 * One physical line of an uploaded log, numbered from 1. {@code truncated} when the line was longer than the
 * per-line cap and only its head is kept; {@code binary} when it held control bytes that no text log carries.
 */
public record NumberedLine(long number, String text, boolean truncated, boolean binary) {
}
