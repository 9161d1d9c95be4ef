package io.coursetracker.ingest.notes;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain JUnit: the shared note memory budget's arithmetic, waiting and refusal. */
class NoteMemoryTest {
    private static final int MIB = 1024 * 1024;

    @Test
    void aShareIsTheNotesBytesTimesTheMultiplierAndComesBackWhenClosed() {
        NoteMemory memory = budget(48, 32, Duration.ofMillis(50));
        try (NoteMemory.Share share = memory.reserveForRequest(MIB)) {
            assertThat(memory.freeKib()).isEqualTo(16 * 1024);
            share.shrinkTo(10 * 1024);
            assertThat(memory.freeKib()).isEqualTo(48 * 1024 - 320);
        }
        assertThat(memory.freeKib()).isEqualTo(memory.totalKib());
    }

    @Test
    void aParsedNoteKeepsOnlyWhatItStillHoldsSoTheNextNotesParseNeedNotWaitForItsCommit() {
        NoteMemory memory = budget(80, 80, Duration.ofMillis(50));
        try (NoteMemory.Share first = memory.reserveForRequest(MIB)) {
            assertThat(memory.tryReserve(MIB)).as("a second 1 MiB note while the first is parsed").isNull();
            first.parsed(MIB);
            assertThat(memory.freeKib()).isEqualTo(80 * 1024 - 4 * 1024);
            try (NoteMemory.Share second = memory.tryReserve(MIB / 2)) {
                assertThat(second).as("a 512 KiB note while the first waits for its commit").isNotNull();
            }
        }
        assertThat(memory.freeKib()).isEqualTo(memory.totalKib());
    }

    @Test
    void aSmallParsedNoteStillKeepsOneMebibyteForItsParsedNoteAndEvent() {
        NoteMemory memory = budget(80, 80, Duration.ofMillis(50));
        try (NoteMemory.Share share = memory.reserveForRequest(64 * 1024)) {
            assertThat(memory.freeKib()).isEqualTo(80 * 1024 - 5 * 1024);
            share.parsed(64 * 1024);
            assertThat(memory.freeKib()).isEqualTo(80 * 1024 - 1024);
        }
    }

    @Test
    void aNoteBiggerThanTheWholeBudgetTakesAllOfItRatherThanWaitingForever() {
        NoteMemory memory = budget(8, 32, Duration.ofMillis(50));
        try (NoteMemory.Share share = memory.reserveForRequest(MIB)) {
            assertThat(memory.freeKib()).isZero();
            assertThat(memory.tryReserve(1)).as("nothing is left").isNull();
        }
        assertThat(memory.freeKib()).isEqualTo(8 * 1024);
    }

    @Test
    void aRequestThatFindsTheBudgetSpentWaitsThenIsRefusedWith503() {
        NoteMemory memory = budget(48, 32, Duration.ofMillis(100));
        try (NoteMemory.Share held = memory.reserveForRequest(MIB)) {
            assertThatThrownBy(() -> memory.reserveForRequest(MIB))
                    .isInstanceOfSatisfying(NoteMemory.Busy.class, busy -> assertThat(busy.status()).isEqualTo(503));
        }
        memory.reserveForRequest(MIB).close();
    }

    @Test
    void aVaultDoesNotOvertakeARequestAlreadyWaiting() throws Exception {
        NoteMemory memory = budget(48, 32, Duration.ofSeconds(30));
        NoteMemory.Share held = memory.reserveForRequest(MIB);
        Thread waiting = new Thread(() -> memory.reserveForRequest(MIB).close());
        waiting.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (waiting.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(waiting.getState()).isEqualTo(Thread.State.TIMED_WAITING);
        assertThat(memory.tryReserve(1024)).as("a small vault note while a request waits").isNull();
        held.close();
        waiting.join(10_000);
        assertThat(memory.freeKib()).isEqualTo(memory.totalKib());
    }

    private static NoteMemory budget(int mib, int bytesPerNoteByte, Duration maxWait) {
        return new NoteMemory(new NoteMemoryConfig() {
            @Override
            public int budgetMib() {
                return mib;
            }

            @Override
            public int bytesPerNoteByte() {
                return bytesPerNoteByte;
            }

            @Override
            public int retainedBytesPerNoteByte() {
                return 4;
            }

            @Override
            public Duration maxWait() {
                return maxWait;
            }
        });
    }
}
