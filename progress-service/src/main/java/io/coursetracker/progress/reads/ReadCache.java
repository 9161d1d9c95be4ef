package io.coursetracker.progress.reads;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.coursetracker.progress.reads.ReadVersions.Stamp;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Computed reads (a learner's dashboard, a learner's team summary), each kept with the
 * {@link Stamp} read <em>before</em> it was computed, and served only while the learner's stamp is
 * still that one. Invalidation is therefore by the database, not by this process: any committed
 * change to the learner's notes, mentions, study days, questions or settings, or to any catalog,
 * moves the stamp (triggers, migration V6), on whichever replica or code path wrote it. A value
 * computed while a change commits may already include it, and is stored under the older stamp:
 * it is never served, since the stamp has moved. Nothing expires by time: a stale entry can only be
 * evicted for room, never served.
 */
@ApplicationScoped
public class ReadCache {
    private record Entry(Stamp stamp, Object value, int weight) {
    }

    private final Cache<Object, Entry> entries;

    public ReadCache(@ConfigProperty(name = "progress.read-cache.max-bytes", defaultValue = "33554432") long maxBytes) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Object key, Entry entry) -> entry.weight())
                .build();
    }

    /**
     * The value cached under {@code key} if it was computed at {@code stamp}; otherwise computes it,
     * keeps it under {@code stamp} and returns it. {@code stamp} must have been read before this call.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Stamp stamp, Supplier<T> compute, ToIntFunction<T> weight) {
        Entry cached = entries.getIfPresent(key);
        if (cached != null && cached.stamp().equals(stamp)) {
            return (T) cached.value();
        }
        T value = compute.get();
        entries.put(key, new Entry(stamp, value, Math.max(1, weight.applyAsInt(value))));
        return value;
    }
}
