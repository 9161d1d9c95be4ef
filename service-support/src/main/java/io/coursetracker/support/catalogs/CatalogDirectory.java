package io.coursetracker.support.catalogs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.catalog.BundledCatalogs;
import io.coursetracker.contracts.catalog.CatalogValidator;
import io.coursetracker.contracts.catalog.CourseCatalog;
import io.coursetracker.contracts.events.CatalogEvent;
import io.coursetracker.contracts.events.CourseCatalogPublished;
import io.coursetracker.contracts.events.SchemaVersions;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.support.topics.CompactedTopicView;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every course catalog the platform knows: the bundled ones ({@link BundledCatalogs}) as the base,
 * overlaid by what the compacted catalogs topic holds (an admin's new courses, and replacements of
 * bundled ones). Read whole from the beginning at start, then kept up to date. A course id that is
 * unknown here is looked up again once the directory has caught up with the log's end, so a catalog
 * published a moment ago is found.
 */
@ApplicationScoped
public class CatalogDirectory {
    private static final Logger LOG = Logger.getLogger(CatalogDirectory.class);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(3);

    private final ObjectMapper json;
    private final Map<String, CourseCatalog> published = new ConcurrentHashMap<>();
    private final CompactedTopicView topic;

    public CatalogDirectory(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper json) {
        this.json = json;
        this.topic = new CompactedTopicView(bootstrapServers, Topics.CATALOGS, CATCH_UP_LIMIT, this::apply,
                () -> LOG.infof("catalog directory loaded: %d published catalogs", published.size()));
    }

    /** Starts reading the topic in the background; idempotent. */
    public void start() {
        topic.start();
    }

    public boolean isStarted() {
        return topic.isStarted();
    }

    public boolean isLoaded() {
        return topic.isLoaded();
    }

    /** The course's catalog; an id not known yet is looked up again after catching up with the topic. */
    public Optional<CourseCatalog> catalog(String courseId) {
        Optional<CourseCatalog> known = known(courseId);
        if (known.isEmpty() && courseId != null && catchUp(CATCH_UP_LIMIT)) {
            known = known(courseId);
        }
        return known;
    }

    /** The catalogs of these course ids, in their order; ids without a catalog are left out. */
    public List<CourseCatalog> forIds(Collection<String> courseIds) {
        List<CourseCatalog> catalogs = new ArrayList<>();
        boolean caughtUp = false;
        for (String id : courseIds) {
            Optional<CourseCatalog> catalog = known(id);
            if (catalog.isEmpty() && !caughtUp) {
                caughtUp = true; // one catch-up per call, however many ids are unknown
                catalog = catalog(id);
            }
            catalog.ifPresent(catalogs::add);
        }
        return catalogs;
    }

    /** Every catalog: the bundled ones first (as published, if replaced), then the others by id. */
    public List<CourseCatalog> all() {
        Map<String, CourseCatalog> all = new LinkedHashMap<>();
        BundledCatalogs.all().forEach(c -> all.put(c.id(), published.getOrDefault(c.id(), c)));
        published.values().stream()
                .sorted(Comparator.comparing(CourseCatalog::id))
                .forEach(c -> all.putIfAbsent(c.id(), c));
        return List.copyOf(all.values());
    }

    /**
     * As {@link #all()}, once the directory has read everything published before this call (or the
     * brief wait for that ran out): a list cannot tell which course it misses, so it always catches up.
     */
    public List<CourseCatalog> allCaughtUp() {
        catchUp(CATCH_UP_LIMIT);
        return all();
    }

    /** Waits until every catalog written to the topic before this call has been applied. */
    public boolean catchUp(Duration limit) {
        return topic.catchUp(limit);
    }

    private Optional<CourseCatalog> known(String courseId) {
        if (courseId == null) {
            return Optional.empty();
        }
        CourseCatalog catalog = published.get(courseId);
        return catalog != null ? Optional.of(catalog) : BundledCatalogs.get(courseId);
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            published.remove(record.key()); // a tombstone withdraws a published catalog (a bundled one returns)
            return;
        }
        CatalogEvent event;
        try {
            event = json.readValue(record.value(), CatalogEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a catalog event: " + e.getOriginalMessage(), e);
        }
        if (!SchemaVersions.isKnown(event)) {
            throw new IllegalArgumentException(SchemaVersions.refusal(event));
        }
        if (event instanceof CourseCatalogPublished publishedEvent) {
            CourseCatalog catalog = publishedEvent.catalog();
            List<String> problems = CatalogValidator.problems(catalog);
            if (!problems.isEmpty() || !catalog.id().equals(record.key())) {
                throw new IllegalArgumentException("catalog under key '" + record.key() + "' refused: "
                        + (problems.isEmpty() ? "its id is '" + catalog.id() + "'" : String.join("; ", problems)));
            }
            published.put(catalog.id(), catalog);
        }
    }

    @PreDestroy
    void stop() {
        topic.stop();
    }
}
