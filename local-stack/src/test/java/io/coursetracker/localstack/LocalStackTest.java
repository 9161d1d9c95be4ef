package io.coursetracker.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the real Kafka broker and PostgreSQL twice on one data folder: what was written survives. */
class LocalStackTest {

    @TempDir
    Path dataDir;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        int kafkaPort = LocalStack.freePort();
        int controllerPort = LocalStack.freePort();
        int postgresPort = LocalStack.freePort();

        try (LocalStack stack = new LocalStack(dataDir, kafkaPort, controllerPort, postgresPort).start()) {
            try (Connection db = DriverManager.getConnection(stack.jdbcUrl("ingest"), PostgresServer.USER, PostgresServer.PASSWORD);
                 Statement sql = db.createStatement()) {
                sql.execute("CREATE TABLE kept (value text)");
                sql.execute("INSERT INTO kept VALUES ('before restart')");
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>("notes.events.v1", "learner-a", "before restart")).get();
            }
        }

        try (LocalStack stack = new LocalStack(dataDir, kafkaPort, controllerPort, postgresPort).start()) {
            try (Connection db = DriverManager.getConnection(stack.jdbcUrl("ingest"), PostgresServer.USER, PostgresServer.PASSWORD);
                 Statement sql = db.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT value FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("before restart");
            }
            assertThat(readAll(stack.bootstrapServers(), "notes.events.v1")).containsExactly("before restart");
        }
    }

    private static List<String> readAll(String bootstrapServers, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (values.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
