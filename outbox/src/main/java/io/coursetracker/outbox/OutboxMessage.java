package io.coursetracker.outbox;

/** An event waiting in the outbox table to be relayed to Kafka, as the relay reads it. */
record OutboxMessage(long id, String topic, String messageKey, String payload) {
}
