package io.coursetracker.contracts.catalog;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a piece of work grows linearly with its input: the input is made four times longer,
 * and the work (this thread's CPU time, which other processes on the machine do not inflate) must
 * grow less than eight times. Linear work grows about four times, quadratic work sixteen times.
 *
 * <p>Each measurement repeats the call until it takes a few milliseconds, so that timer resolution
 * and noise do not decide, and keeps the fastest of several rounds.
 */
final class WorkGrowth {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long MEASURABLE_NANOS = 5_000_000;
    private static final int ROUNDS = 5;

    private WorkGrowth() {
    }

    static <T> void assertLinear(String what, int size, IntFunction<T> input, Consumer<T> work) {
        T small = input.apply(size);
        T large = input.apply(4 * size);
        // Warm up (class loading, JIT) on the small input, and find how many calls are measurable.
        int repeats = 1;
        while (cpuNanos(small, work, repeats) < MEASURABLE_NANOS && repeats < 1 << 20) {
            repeats *= 2;
        }
        long smallNanos = fastest(small, work, repeats);
        long largeNanos = fastest(large, work, repeats);
        assertThat((double) largeNanos / smallNanos)
                .as("%s: CPU time for 4x the input (%d ns vs %d ns for %d calls)", what, largeNanos, smallNanos, repeats)
                .isLessThan(8.0);
    }

    private static <T> long fastest(T input, Consumer<T> work, int repeats) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            best = Math.min(best, cpuNanos(input, work, repeats));
        }
        return best;
    }

    private static <T> long cpuNanos(T input, Consumer<T> work, int repeats) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < repeats; i++) {
            work.accept(input);
        }
        return THREADS.getCurrentThreadCpuTime() - start;
    }
}
