package io.coursetracker.tracker.live;

/**
 * One message of a live stream: a progress event of learner {@code learnerId} as progress-service
 * published it ({@code type} is its event type, {@code json} the record's value), or the stream's
 * own {@code ready} greeting (no learner).
 */
public record LiveEvent(String type, String learnerId, String eventId, String json) {
    public static final String READY = "ready";

    static LiveEvent ready() {
        return new LiveEvent(READY, null, null, "{}");
    }
}
