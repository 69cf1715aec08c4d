package org.opensoc.batch;

/**
 * One entry as an analyst would read it: a single line, a multi-line record, or a group of lines of the same
 * aggregate activity from one source. {@code lineCount} lines between {@code firstLine} and {@code lastLine}
 * belong to it (a group's lines may be interleaved with other entries' lines). {@code text} is what is
 * analyzed: the lines joined, capped at the per-entry size.
 */
public record BatchEntry(long firstLine, long lastLine, long lineCount, String source, String logType, String text,
        int truncatedLines, int binaryLines, int unparsedLines, String groupKind) {
}
