package io.coursetracker.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Records what would go to ingest-service and answers as told; the HTTP side is tested on the real stack. */
final class RecordingSender implements NoteSender {
    record Call(String method, String path, String content) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private volatile Function<Call, SendResult> answer = call -> SendResult.of(202, "accepted");

    void answer(Function<Call, SendResult> answer) {
        this.answer = answer;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<String> summary() {
        return calls.stream().map(Call::toString).toList();
    }

    @Override
    public SendResult put(String notePath, byte[] content) {
        return record(new Call("PUT", notePath, new String(content, StandardCharsets.UTF_8)));
    }

    @Override
    public SendResult delete(String notePath) {
        return record(new Call("DELETE", notePath, null));
    }

    private SendResult record(Call call) {
        synchronized (this) {
            calls.add(call);
        }
        return answer.apply(call);
    }
}
