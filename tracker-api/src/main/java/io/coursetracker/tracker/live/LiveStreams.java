package io.coursetracker.tracker.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Open event streams, each authorised for as long as it is open: every {@link LiveConfig#recheck()}
 * (0.4 s) a stream asks its rights check again ({@link StreamRights}, the check that opened it, read
 * from the database, so a right lost on any replica counts) and ends when the answer is no (401,
 * 403, 404) or cannot be had (the database is away). It also ends when no check has confirmed the
 * right for {@link #UNCONFIRMED_LIMIT}, however slow the checks are. So a stream ends within a second
 * of its caller losing the right to read it: {@code recheck} plus the token cache's TTL, which
 * start-up requires to stay under a second. A check also says which learners' events the stream
 * carries now, so a team's stream stops carrying a member who left. The page's
 * {@code EventSource} then reconnects and is answered 401/403, or opens anew.
 */
@ApplicationScoped
public class LiveStreams {
    private static final Logger LOG = Logger.getLogger(LiveStreams.class);
    /** SPEC section 5: a lost right stops every read that depended on it within a second, open streams included. */
    static final Duration UNCONFIRMED_LIMIT = Duration.ofSeconds(1);

    private final LiveEvents live;
    private final Duration recheck;
    private final Duration heartbeat;
    private final Duration tokenCacheTtl;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-stream-rights");
        thread.setDaemon(true);
        return thread;
    });

    public LiveStreams(LiveEvents live, LiveConfig config,
                       @ConfigProperty(name = "tracker.auth.token-cache-ttl", defaultValue = "PT0.25S") Duration tokenCacheTtl) {
        this.live = live;
        this.recheck = config.recheck();
        this.heartbeat = config.heartbeat();
        this.tokenCacheTtl = tokenCacheTtl;
    }

    void checkTimes(@Observes StartupEvent startup) {
        if (recheck.isNegative() || recheck.isZero() || recheck.plus(tokenCacheTtl).compareTo(UNCONFIRMED_LIMIT) >= 0) {
            throw new IllegalStateException("tracker.live.recheck (" + recheck + ") plus tracker.auth.token-cache-ttl (" + tokenCacheTtl
                    + ") must stay under " + UNCONFIRMED_LIMIT.toMillis() + " ms: an open stream must end within a second of its caller losing the right");
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        timer.shutdownNow();
    }

    /**
     * A stream of the events of the learners {@code rights} names, opening with {@code ready}, until
     * {@code rights} throws. {@code following} is its answer of a moment ago (the open request's own
     * check, whose 401/403/404 the caller got as the response).
     */
    public Multi<OutboundSseEvent> open(Sse sse, Set<String> following, Callable<Set<String>> rights,
                                        Function<LiveEvent, OutboundSseEvent> format) {
        return Multi.createFrom().emitter(emitter -> new OpenStream(sse, emitter, rights, format).start(following));
    }

    private final class OpenStream {
        private final Sse sse;
        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private final Callable<Set<String>> rights;
        private final Function<LiveEvent, OutboundSseEvent> format;
        private final Map<String, Runnable> subscriptions = new HashMap<>();
        private final AtomicBoolean checking = new AtomicBoolean();
        private volatile long confirmedAt = System.nanoTime();
        private volatile long heartbeatAt = System.nanoTime();
        private ScheduledFuture<?> ticks;
        private boolean closed;

        OpenStream(Sse sse, MultiEmitter<? super OutboundSseEvent> emitter, Callable<Set<String>> rights,
                   Function<LiveEvent, OutboundSseEvent> format) {
            this.sse = sse;
            this.emitter = emitter;
            this.rights = rights;
            this.format = format;
        }

        void start(Set<String> following) {
            emitter.onTermination(this::close);
            follow(following);
            emitter.emit(format.apply(LiveEvent.ready()));
            synchronized (this) {
                if (!closed) {
                    ticks = timer.scheduleWithFixedDelay(this::tick, recheck.toNanos(), recheck.toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        }

        /** On the timer: start a check unless one is running, end the stream if none confirmed the right lately, beat. */
        private void tick() {
            long now = System.nanoTime();
            if (now - confirmedAt > UNCONFIRMED_LIMIT.toNanos()) {
                end("its right was not confirmed for " + UNCONFIRMED_LIMIT.toMillis() + " ms");
                return;
            }
            if (checking.compareAndSet(false, true)) {
                try {
                    Infrastructure.getDefaultWorkerPool().execute(this::check);
                } catch (RuntimeException rejected) {
                    checking.set(false);
                }
            }
            if (now - heartbeatAt >= heartbeat.toNanos()) {
                heartbeatAt = now;
                emitter.emit(sse.newEventBuilder().comment("heartbeat").build());
            }
        }

        /** On a worker: the caller's right, asked again. */
        private void check() {
            long startedAt = System.nanoTime();
            try {
                Set<String> following = rights.call();
                confirmedAt = startedAt;
                follow(following);
            } catch (Exception e) {
                end(e.getMessage());
            } finally {
                checking.set(false);
            }
        }

        private synchronized void follow(Set<String> learners) {
            if (closed) {
                return;
            }
            for (String gone : new HashSet<>(subscriptions.keySet())) {
                if (!learners.contains(gone)) {
                    subscriptions.remove(gone).run();
                }
            }
            for (String learner : learners) {
                subscriptions.computeIfAbsent(learner, id -> live.subscribe(id, event -> emitter.emit(format.apply(event))));
            }
        }

        private void end(String why) {
            LOG.debugf("ending a live stream: %s", why);
            close();
            emitter.complete();
        }

        private synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (ticks != null) {
                ticks.cancel(false);
            }
            subscriptions.values().forEach(Runnable::run);
            subscriptions.clear();
        }
    }
}
