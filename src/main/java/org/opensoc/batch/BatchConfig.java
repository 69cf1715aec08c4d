package org.opensoc.batch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Batch settings, under {@code opensoc.batch.}; the per-line cap is {@code opensoc.max-entry-bytes}. */
@ConfigMapping(prefix = "opensoc.batch")
public interface BatchConfig {

    /** Lines of one aggregate activity from one source further apart than this start a new entry. */
    @WithDefault("5m")
    Duration window();

    /** For lines without timestamps: a group ends when this many lines pass without another of its lines. */
    @WithDefault("10000")
    long gapLines();

    /** Most lines in one aggregate entry; past it the group is emitted and a new one begins. */
    @WithDefault("100000")
    int maxGroupLines();

    /** Most aggregate groups open at once; past it the least recently active is emitted. */
    @WithDefault("1024")
    int maxOpenGroups();

    /** Most characters held by open groups together, which bounds the memory of a batch. */
    @WithDefault("8000000")
    long maxOpenChars();

    /** Templates whose verdicts are remembered. */
    @WithDefault("10000")
    int cacheSize();

    /** How often the SSE stream reports progress. */
    @WithDefault("100ms")
    Duration progressInterval();
}
