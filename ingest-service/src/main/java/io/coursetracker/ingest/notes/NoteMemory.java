package io.coursetracker.ingest.notes;

import io.coursetracker.support.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One budget of heap for every note in work in this service, so that what notes take at once is
 * bounded by construction, not by how many requests happen to arrive: a {@code PUT}, a
 * {@code POST /v1/parse} and every note of a vault's storing transaction take a share in proportion
 * to the note's size ({@link NoteMemoryConfig#bytesPerNoteByte()} per byte, in KiB permits) before its
 * bytes are read or parsed, keep what the parsed note still holds ({@link Share#parsed}) until it is
 * stored, and give that back once the note is stored or answered. A request that
 * finds the budget spent waits; a single note waits at most {@link NoteMemoryConfig#maxWait()}, then
 * is refused with 503 and Retry-After, nothing stored.
 *
 * <p>A share never exceeds the whole budget (a budget configured smaller than one note still lets
 * every note through, one at a time), and waiters are served in arrival order, so a large note is not
 * starved by small ones.
 */
@ApplicationScoped
public class NoteMemory {
    static final int RETRY_AFTER_SECONDS = 2;

    private final int totalKib;
    private final int bytesPerNoteByte;
    private final int retainedBytesPerNoteByte;
    private final Duration maxWait;
    private final Semaphore kib;

    public NoteMemory(NoteMemoryConfig config) {
        this.totalKib = Math.max(1, config.budgetMib()) * 1024;
        this.bytesPerNoteByte = Math.max(1, config.bytesPerNoteByte());
        this.retainedBytesPerNoteByte = Math.max(1, config.retainedBytesPerNoteByte());
        this.maxWait = config.maxWait();
        this.kib = new Semaphore(totalKib, true);
    }

    /** A share of the budget; {@link #close()} gives back what is left of it (from any thread, once). */
    public final class Share implements AutoCloseable {
        private int held;

        private Share(int held) {
            this.held = held;
        }

        /** Gives back the part beyond what a note of {@code noteBytes} needs (a body turned out smaller than reserved). */
        public synchronized void shrinkTo(long noteBytes) {
            int needed = kibFor(noteBytes);
            if (needed < held) {
                kib.release(held - needed);
                held = needed;
            }
        }

        /**
         * The note of {@code noteBytes} is parsed: gives back all but what it still holds until it is
         * stored and answered ({@link NoteMemoryConfig#retainedBytesPerNoteByte()}, at least 1 MiB), so
         * the next note's parse need not wait for this one's commit.
         */
        public synchronized void parsed(long noteBytes) {
            int needed = retainedKibFor(noteBytes);
            if (needed < held) {
                kib.release(held - needed);
                held = needed;
            }
        }

        @Override
        public synchronized void close() {
            if (held > 0) {
                kib.release(held);
                held = 0;
            }
        }
    }

    /**
     * Takes the share of a note of {@code noteBytes}, waiting at most {@link NoteMemoryConfig#maxWait()}:
     * for a single note sent on its own, whose sender can try again.
     */
    public Share reserveForRequest(long noteBytes) {
        int permits = kibFor(noteBytes);
        try {
            if (kib.tryAcquire(permits, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Share(permits);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Busy();
    }

    /** No share was free within {@link NoteMemoryConfig#maxWait()}: 503 with Retry-After ({@link BusyMapper}). */
    public static final class Busy extends ApiException {
        Busy() {
            super(503, "busy", "the service is working on as many notes as its memory allows; nothing was stored,"
                    + " try again in " + RETRY_AFTER_SECONDS + " s");
        }
    }

    /**
     * Takes the share of a note of {@code noteBytes} if it is free now and nobody waits for it before
     * this caller (a vault must not overtake a waiting {@code PUT}), without waiting; else null.
     */
    public Share tryReserve(long noteBytes) {
        int permits = kibFor(noteBytes);
        try {
            return kib.tryAcquire(permits, 0, TimeUnit.MILLISECONDS) ? new Share(permits) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for memory for a note", e);
        }
    }

    /**
     * Takes the share of a note of {@code noteBytes}, waiting as long as it takes. The caller must hold
     * no other share while it waits (a vault stores what it has first), or two callers could each wait
     * for the other's.
     */
    public Share reserve(long noteBytes) {
        int permits = kibFor(noteBytes);
        try {
            kib.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for memory for a note", e);
        }
        return new Share(permits);
    }

    /** The KiB permits not taken now (for tests and metrics). */
    int freeKib() {
        return kib.availablePermits();
    }

    int totalKib() {
        return totalKib;
    }

    private int retainedKibFor(long noteBytes) {
        long kibs = Math.max(1024, (Math.max(0, noteBytes) * retainedBytesPerNoteByte + 1023) / 1024);
        return (int) Math.min(totalKib, kibs);
    }

    private int kibFor(long noteBytes) {
        long kibs = (Math.max(0, noteBytes) * bytesPerNoteByte + 1023) / 1024;
        return (int) Math.max(1, Math.min(totalKib, kibs));
    }
}
