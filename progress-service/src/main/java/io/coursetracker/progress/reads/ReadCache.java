package io.coursetracker.progress.reads;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.coursetracker.progress.reads.ReadVersions.Stamp;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Computed reads (a learner's dashboard, a learner's team summary), each kept with the
 * {@link Stamp} read <em>before</em> it was computed, and served only while the learner's stamp is
 * still that one (or to a caller whose stamp is older still). Invalidation is therefore by the
 * database, not by this process: any committed change to the learner's notes, mentions, study days,
 * questions or settings, or to any catalog, moves the stamp (triggers, migration V6), on whichever
 * replica or code path wrote it. A value computed while a change commits may already include it,
 * and is stored under the older stamp: it is never served to a caller that read the newer stamp.
 * Nothing expires by time: a stale entry can only be evicted for room, never served.
 *
 * <p><b>Single flight.</b> Concurrent misses for the same key and stamp compute the value once: the
 * first caller puts an unfinished entry (a future) under the key, atomically, and computes outside
 * the map's lock; callers that arrive meanwhile with the same stamp (or an older one) wait for that
 * future instead of computing again. Ten team dashboards on a cold cache therefore cost one
 * computation per member, not ten, and keep one copy of each value on the heap. A caller with a
 * newer stamp never waits for (nor is served) a value begun under an older stamp: it replaces the
 * entry with its own computation. A computation that fails is removed, and its failure is thrown
 * to every caller that waited for it; the next call computes again.
 */
@ApplicationScoped
public class ReadCache {
    /** {@code value} completes once; {@code weight} is 1 until then (see {@link #settle}). */
    private record Entry(Stamp stamp, CompletableFuture<Object> value, int weight) {
    }

    private final Cache<Object, Entry> entries;

    public ReadCache(@ConfigProperty(name = "progress.read-cache.max-bytes", defaultValue = "33554432") long maxBytes) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Object key, Entry entry) -> entry.weight())
                .build();
    }

    /**
     * The value cached under {@code key} if it was computed at {@code stamp} (or at a stamp no
     * older in either part); otherwise computes it once however many callers ask at the same time,
     * keeps it under {@code stamp} and returns it. {@code stamp} must have been read before this call.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Stamp stamp, Supplier<T> compute, ToIntFunction<T> weight) {
        Entry cached = entries.getIfPresent(key);
        if (cached != null && servesFor(cached.stamp(), stamp)) {
            return (T) await(cached.value());
        }
        Entry[] mine = new Entry[1];
        Entry entry = entries.asMap().compute(key, (k, current) -> {
            if (current != null && servesFor(current.stamp(), stamp)) {
                return current; // done, or being computed by another caller: wait for it
            }
            return mine[0] = new Entry(stamp, new CompletableFuture<>(), 1);
        });
        if (entry != mine[0]) {
            return (T) await(entry.value());
        }
        T value;
        try {
            value = compute.get();
        } catch (RuntimeException | Error e) {
            entries.asMap().remove(key, entry);
            entry.value().completeExceptionally(e);
            throw e;
        }
        entry.value().complete(value);
        settle(key, entry, Math.max(1, weight.applyAsInt(value)));
        return value;
    }

    /** Weighs a finished entry by its value, unless another caller has replaced it meanwhile. */
    private void settle(Object key, Entry pending, int weight) {
        entries.asMap().replace(key, pending, new Entry(pending.stamp(), pending.value(), weight));
    }

    /**
     * Whether a value kept at {@code kept} may be served to a caller that read {@code wanted}
     * first: the same stamp, or one at least as new in both parts (stamps only move forward).
     */
    static boolean servesFor(Stamp kept, Stamp wanted) {
        return kept.learner() >= wanted.learner() && kept.catalogs() >= wanted.catalogs();
    }

    private static Object await(CompletableFuture<Object> value) {
        try {
            return value.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a read another request computes", e);
        } catch (CompletionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
