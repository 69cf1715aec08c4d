package org.opensoc.eval;

import java.util.Arrays;

/** Per-entry latencies of a run, summed up as nearest-rank percentiles and throughput. */
final class LatencyRecorder {

    private long[] nanos = new long[64];
    private int size;

    void record(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    EvalReport.Latency summary() {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        long total = Arrays.stream(sorted).sum();
        return new EvalReport.Latency(percentileMs(sorted, 0.50), percentileMs(sorted, 0.95), percentileMs(sorted, 0.99),
                total == 0 ? 0 : size / (total / 1e9), total / 1e9);
    }

    /** The smallest latency that at least the fraction p of the entries do not exceed. */
    static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
