package org.opensoc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesAreNearestRankOverTheRecordedLatencies() {
        LatencyRecorder recorder = new LatencyRecorder();
        // 1 ms .. 100 ms, recorded out of order.
        for (int i = 100; i >= 1; i--) {
            recorder.record(i * 1_000_000L);
        }
        EvalReport.Latency latency = recorder.summary();
        assertEquals(50.0, latency.p50Ms(), 1e-9);
        assertEquals(95.0, latency.p95Ms(), 1e-9);
        assertEquals(99.0, latency.p99Ms(), 1e-9);
        assertEquals(5.05, latency.totalSeconds(), 1e-9);
        assertEquals(100 / 5.05, latency.entriesPerSecond(), 1e-9);
    }

    @Test
    void aSingleEntryIsEveryPercentile() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(2_500_000L);
        EvalReport.Latency latency = recorder.summary();
        assertEquals(2.5, latency.p50Ms(), 1e-9);
        assertEquals(2.5, latency.p99Ms(), 1e-9);
    }

    @Test
    void noEntriesGiveZeroesRatherThanAnError() {
        EvalReport.Latency latency = new LatencyRecorder().summary();
        assertEquals(0.0, latency.p95Ms());
        assertEquals(0.0, latency.entriesPerSecond());
    }
}
