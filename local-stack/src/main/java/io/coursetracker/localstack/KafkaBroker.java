package io.coursetracker.localstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real single-node Apache Kafka broker (KRaft: broker and controller in one process) running
 * inside this JVM. Its log directory survives a restart: storage is formatted only once.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final String CLUSTER_ID = "course-tracker-local-1";

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public KafkaBroker(Path logDir, int port, int controllerPort) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() throws IOException {
        Files.createDirectories(logDir);
        Properties props = brokerProperties();
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(props);
        }
        server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private Properties brokerProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic has one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly with their settings (StackTopics), never by accident.
        props.put("auto.create.topics.enable", "false");
        // A note may be up to 1 MiB; its event carries the parsed note.
        props.put("message.max.bytes", String.valueOf(4 * 1024 * 1024));
        props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        // The log cleaner's dedupe buffer is 128 MiB of heap by default, allocated when it starts; the local
        // stack's compacted topics (learners, catalogs) are a few MiB at most, and in a test the broker shares
        // the test's heap (BoundedHeapVaultUploadTest needs that heap for the service).
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return props;
    }

    private void format(Properties props) throws IOException {
        Path config = logDir.resolveSibling(logDir.getFileName() + ".format.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            props.store(writer, "used once to format the KRaft storage");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = StorageTool.execute(
                new String[] {"format", "--cluster-id", CLUSTER_ID, "--config", config.toString(), "--ignore-formatted"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        Files.deleteIfExists(config);
        if (exit != 0) {
            throw new IOException("formatting Kafka storage in " + logDir + " failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }
}
