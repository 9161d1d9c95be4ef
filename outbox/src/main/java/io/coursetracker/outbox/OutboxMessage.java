package io.coursetracker.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An event waiting to be relayed to Kafka, written in the transaction that accepted the edit. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String topic;
    @Column(name = "message_key")
    public String messageKey;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;

    public static OutboxMessage of(String topic, String key, String payload) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.messageKey = key;
        message.payload = payload;
        message.createdAt = Instant.now();
        return message;
    }
}
