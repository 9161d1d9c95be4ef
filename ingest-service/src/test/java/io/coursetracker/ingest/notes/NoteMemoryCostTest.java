package io.coursetracker.ingest.notes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.coursetracker.contracts.catalog.BundledCatalogs;
import io.coursetracker.contracts.catalog.LessonMentionResolver;
import io.coursetracker.contracts.events.NoteRevised;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.notes.NoteParser;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain JUnit, no Quarkus: measures what a 1 MiB note costs in heap on its way through ingest (its
 * bytes, parsed and resolved, and its {@code NoteRevised} event as JSON, all held until it is
 * stored), for the note shapes that cost most, and checks that {@link NoteMemoryConfig#bytesPerNoteByte()}'s
 * default covers what stays alive (the default is set from the peak while parsing, which is higher:
 * see its Javadoc). Retained bytes are the heap in use after a full collection while
 * several such notes are held, less the heap before; allocated bytes come from
 * {@code ThreadMXBean.getThreadAllocatedBytes}. The figures are printed for the README.
 */
class NoteMemoryCostTest {
    private static final int NOTE_BYTES = 1024 * 1024;
    private static final int HELD = 6;

    private final NoteParser parser = new NoteParser();
    private final LessonMentionResolver resolver = LessonMentionResolver.forCatalogs(BundledCatalogs.all());
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What one note in work keeps alive until its transaction commits. */
    private record InWork(byte[] content, Note note, String eventJson) {
    }

    @Test
    void aNoteInWorkRetainsLessThanItsConfiguredShareForEveryShape() throws Exception {
        Map<String, Double> retainedPerByte = new LinkedHashMap<>();
        Map<String, Double> allocatedPerByte = new LinkedHashMap<>();
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("prose (ASCII)", fill("Today I re-read the chapter on gradient descent and wrote down what I understood. ", ""));
        shapes.put("prose (non-Latin)", fill("Сегодня я перечитал главу о градиентном спуске 勾配降下法 🎯. ", ""));
        shapes.put("checked tasks with lesson links", fill("- [x] Watch [Lesson 2](https://course.fast.ai/Lessons/lesson2.html)\n",
                "## 🎯 Goals for Today\n"));
        shapes.put("short tasks", fill("- [x] a\n", "## 🎯 Goals for Today\n"));
        shapes.put("questions", fill("- why does it converge?\n", "## ❓ Questions\n"));
        shapes.put("links and tags", fill("[x](https://e.x/a) #tag ", ""));
        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            byte[] content = shape.getValue().getBytes(StandardCharsets.UTF_8);
            inWork(content); // warm up: classes, resolver caches
            long allocatedBefore = allocatedBytes();
            inWork(content);
            allocatedPerByte.put(shape.getKey(), (allocatedBytes() - allocatedBefore) / (double) content.length);

            long before = liveHeap();
            List<InWork> held = new ArrayList<>();
            for (int i = 0; i < HELD; i++) {
                held.add(inWork(content.clone()));
            }
            long after = liveHeap();
            retainedPerByte.put(shape.getKey(), (after - before) / (double) HELD / content.length);
            assertThat(held).hasSize(HELD);
        }
        for (String shape : shapes.keySet()) {
            System.out.printf("note memory: %-32s retained %.2f, allocated %.2f bytes per note byte%n",
                    shape, retainedPerByte.get(shape), allocatedPerByte.get(shape));
        }
        int configured = Integer.parseInt(NoteMemoryConfig.class.getMethod("bytesPerNoteByte").getAnnotation(WithDefault.class).value());
        assertThat(retainedPerByte.values()).allSatisfy(perByte -> assertThat(perByte).isLessThan(configured));
    }

    private InWork inWork(byte[] content) throws Exception {
        Note note = resolver.resolveAll(parser.parse("Daily/2026-04-02.md", content));
        String event = json.writeValueAsString(new NoteRevised(UUID.randomUUID(), Instant.now(), NoteRevised.SCHEMA_VERSION,
                "learner", "Daily/2026-04-02.md", 1, "0".repeat(64), note));
        return new InWork(content, note, event);
    }

    /** {@code head}, then {@code line} repeated to just under 1 MiB of UTF-8. */
    private static String fill(String line, String head) {
        StringBuilder text = new StringBuilder("# 2026-04-02, Thursday\n").append(head);
        int lineBytes = line.getBytes(StandardCharsets.UTF_8).length;
        int bytes = text.toString().getBytes(StandardCharsets.UTF_8).length;
        while (bytes + lineBytes <= NOTE_BYTES) {
            text.append(line);
            bytes += lineBytes;
        }
        return text.toString();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
