package io.coursetracker.progress.reads;

import io.coursetracker.progress.reads.ReadVersions.Stamp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ReadCache}'s single flight, without a service: concurrent misses for one key and stamp
 * compute once, and a newer stamp never gets a value begun under an older one. Each test waits for
 * the threads it starts to be parked (waiting on a computation) before letting the computation end,
 * so every caller has missed before anything is cached; there is no timing in the assertions.
 */
class ReadCacheTest {
    private static final Stamp ONE = new Stamp(1, 1);
    private static final Stamp TWO = new Stamp(2, 1);

    final ReadCache cache = new ReadCache(1 << 20);

    @Test
    void concurrentMissesForTheSameKeyAndStampComputeOnce() throws Exception {
        int callers = 8;
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);
        List<AtomicReference<Object>> results = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            AtomicReference<Object> result = new AtomicReference<>();
            results.add(result);
            threads.add(start(() -> result.set(cache.get("dashboard", ONE, () -> {
                computations.incrementAndGet();
                await(finish);
                return new byte[]{42};
            }, bytes -> bytes.length))));
        }
        awaitParked(threads);
        finish.countDown();
        joinAll(threads);

        assertThat(computations.get()).as("computations for %d concurrent misses", callers).isEqualTo(1);
        Object first = results.get(0).get();
        assertThat(first).isNotNull();
        results.forEach(result -> assertThat(result.get()).as("every caller gets the one value").isSameAs(first));
        assertThat(cache.get("dashboard", ONE, () -> new byte[]{7}, bytes -> bytes.length)).as("then cached").isSameAs(first);
    }

    @Test
    void aNewerStampDoesNotWaitForNorGetAValueBegunUnderAnOlderOne() throws Exception {
        CountDownLatch finishOld = new CountDownLatch(1);
        AtomicReference<String> old = new AtomicReference<>();
        Thread slow = start(() -> old.set(cache.get("dashboard", ONE, () -> {
            await(finishOld);
            return "as of one";
        }, String::length)));
        awaitParked(List.of(slow));

        assertThat(cache.get("dashboard", TWO, () -> "as of two", String::length)).isEqualTo("as of two");
        finishOld.countDown();
        slow.join();
        assertThat(old.get()).isEqualTo("as of one");
        assertThat(cache.get("dashboard", TWO, () -> "computed again", String::length)).as("the older value replaced nothing").isEqualTo("as of two");
        // A caller that read the older stamp may be served the newer value; the reverse never happens.
        assertThat(cache.get("dashboard", ONE, () -> "computed again", String::length)).isEqualTo("as of two");
        assertThat(cache.get("dashboard", new Stamp(2, 2), () -> "as of new catalogs", String::length)).isEqualTo("as of new catalogs");
    }

    @Test
    void aFailedComputationIsThrownToEveryWaiterAndNotKept() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger computations = new AtomicInteger();
        List<AtomicReference<Throwable>> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            failures.add(failure);
            threads.add(start(() -> {
                try {
                    cache.get("summary", ONE, () -> {
                        computations.incrementAndGet();
                        await(finish);
                        throw new IllegalStateException("database away");
                    }, String::length);
                } catch (IllegalStateException e) {
                    failure.set(e);
                }
            }));
        }
        awaitParked(threads);
        finish.countDown();
        joinAll(threads);

        assertThat(computations.get()).isEqualTo(1);
        failures.forEach(failure -> assertThat(failure.get()).hasMessage("database away"));
        assertThat(cache.get("summary", ONE, () -> "computed again", String::length)).isEqualTo("computed again");
        assertThatThrownBy(() -> cache.get("other", ONE, () -> {
            throw new IllegalArgumentException("bad");
        }, String::length)).hasMessage("bad");
    }

    private static Thread start(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Until every thread is parked: in the computation (on its latch) or waiting for another's. */
    private static void awaitParked(List<Thread> threads) throws InterruptedException {
        while (!threads.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING)) {
            Thread.sleep(5);
        }
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
