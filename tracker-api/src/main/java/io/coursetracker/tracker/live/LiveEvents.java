package io.coursetracker.tracker.live;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/** Who is listening to which learner's events in this tracker-api instance. */
@ApplicationScoped
public class LiveEvents {
    private final Map<String, Set<Consumer<LiveEvent>>> listeners = new ConcurrentHashMap<>();

    /** Starts delivering the learner's events to {@code listener}; the answer stops it. */
    public Runnable subscribe(String learnerId, Consumer<LiveEvent> listener) {
        listeners.computeIfAbsent(learnerId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(learnerId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void publish(String learnerId, LiveEvent event) {
        Set<Consumer<LiveEvent>> set = listeners.get(learnerId);
        if (set != null) {
            set.forEach(listener -> listener.accept(event));
        }
    }

    /** How many streams are open for the learner here. */
    public int listenerCount(String learnerId) {
        Set<Consumer<LiveEvent>> set = listeners.get(learnerId);
        return set == null ? 0 : set.size();
    }
}
