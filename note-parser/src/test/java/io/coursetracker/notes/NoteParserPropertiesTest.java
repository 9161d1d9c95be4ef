package io.coursetracker.notes;

import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.Task;
import io.coursetracker.contracts.note.TaskStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.time.api.Dates;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

class NoteParserPropertiesTest {

    private final NoteParser parser = new NoteParser();

    private Note parse(String notePath, String text) {
        return parser.parse(notePath, text.getBytes(StandardCharsets.UTF_8));
    }

    /** UTF-8 bytes read as a Windows code page and saved again as UTF-8, as editors do. */
    private static String doubleEncoded(String text, String codePage) {
        return new String(text.getBytes(StandardCharsets.UTF_8), Charset.forName(codePage));
    }

    @Property
    void doubleEncodedNoteParsesLikeTheCleanOne(@ForAll("vaultNotes") String notePath,
                                               @ForAll("codePages") String codePage) {
        String clean = new String(VaultNotesTest.vaultBytes(notePath), StandardCharsets.UTF_8);
        String broken = doubleEncoded(clean, codePage);
        // A byte the code page does not define (語 ends in 0x9E, undefined in Windows-1254) is lost
        // for good; such notes are covered by the Mojibake fixture instead.
        Assume.that(!broken.contains("\uFFFD"));
        Note expected = parse(notePath, clean);
        Note repaired = parse(notePath, broken);

        assertThat(repaired.date()).isEqualTo(expected.date());
        assertThat(repaired.tags()).isEqualTo(expected.tags());
        assertThat(repaired.tasks()).extracting(Task::status)
                .isEqualTo(expected.tasks().stream().map(Task::status).toList());
        assertThat(repaired.sections()).isEqualTo(expected.sections());
        assertThat(repaired.links()).isEqualTo(expected.links());
    }

    @Provide
    Arbitrary<String> vaultNotes() {
        return Arbitraries.of("Daily/2025-08-04.md", "Daily/2025-08-05.md", "Daily/2025-08-11.md",
                "Daily/2025-08-12.md", "Daily/2025-08-13.md", "Daily/2025-08-14.md", "Lessons/Lesson 3 notes.md");
    }

    @Provide
    Arbitrary<String> codePages() {
        return Arbitraries.of("windows-1252", "windows-1254");
    }

    @Property
    void genuineNonAsciiTextIsNeverAltered(@ForAll("genuineText") String text) {
        Note note = parse("Daily/2025-08-02.md", "- [ ] " + text + " #tag");

        assertThat(note.warnings()).isEmpty();
        assertThat(note.tasks()).singleElement().extracting(Task::text)
                .isEqualTo((text + " #tag").strip().replaceAll("\\s+", " "));
    }

    @Provide
    Arbitrary<String> genuineText() {
        return Arbitraries.strings().withChars("ğüşıöçĞÜŞİÖÇäöüßÄÖÜéèàñ日本語学習 abcXYZ.,„“”’–").ofMaxLength(30)
                .filter(text -> !text.contains("#"));
    }

    @Property
    void anyBytesGiveANoteOrAnInvalidNoteException(@ForAll byte[] content) {
        Throwable thrown = catchThrowable(() -> parser.parse("Daily/any.md", content));

        assertThat(thrown).satisfiesAnyOf(
                error -> assertThat(error).isNull(),
                error -> assertThat(error).isInstanceOf(InvalidNoteException.class));
    }

    @Property
    void validDateIsFoundWhereverItIsWritten(@ForAll("dates") LocalDate date, @ForAll("dateSources") DateSource source) {
        Note note = parse(source.path(date.toString()), source.body(date.toString()));

        assertThat(note.date()).isEqualTo(date);
        assertThat(note.daily()).isTrue();
        assertThat(note.warnings()).isEmpty();
    }

    @Property
    void weekdayNamedNextToTheDateIsChecked(@ForAll("dates") LocalDate date, @ForAll boolean abbreviated) {
        String weekday = date.getDayOfWeek().getDisplayName(
                abbreviated ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH);
        String wrongDay = date.plusDays(1).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);

        assertThat(parse(null, "# " + date + ", " + weekday).warnings()).isEmpty();
        assertThat(parse(null, "# " + date + ", " + wrongDay).warnings()).singleElement().asString()
                .contains("says " + wrongDay);
    }

    @Property
    void impossibleDateIsNoDateAndAWarning(@ForAll @IntRange(min = 2000, max = 2099) int year,
                                           @ForAll("impossibleMonthDays") String monthDay,
                                           @ForAll("dateSources") DateSource source) {
        String written = year + "-" + monthDay;
        Note note = parse(source.path(written), source.body(written));

        assertThat(note.date()).isNull();
        assertThat(note.daily()).isFalse();
        assertThat(note.warnings()).singleElement().asString().contains("impossible date " + written);
    }

    /** A day no read can name (reads take 1900-01-01 to 9999-12-31) must not count in anyone's streak. */
    @Property
    void aDateBefore1900IsNoDateAndAWarning(@ForAll("datesBefore1900") LocalDate date,
                                            @ForAll("dateSources") DateSource source) {
        String written = date.toString();
        Note note = parse(source.path(written), source.body(written));

        assertThat(note.date()).isNull();
        assertThat(note.daily()).isFalse();
        assertThat(note.warnings()).singleElement().asString().contains("date " + written + ", before 1900-01-01");
    }

    @Provide
    Arbitrary<LocalDate> datesBefore1900() {
        return Dates.dates().between(LocalDate.of(1, 1, 1), LocalDate.of(1899, 12, 31));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Dates.dates().between(LocalDate.of(1990, 1, 1), LocalDate.of(2100, 12, 31));
    }

    @Provide
    Arbitrary<String> impossibleMonthDays() {
        return Arbitraries.of("02-30", "02-31", "04-31", "06-31", "09-31", "11-31", "13-01", "00-10", "05-00", "05-32");
    }

    @Provide
    Arbitrary<DateSource> dateSources() {
        return Arbitraries.of(DateSource.values());
    }

    /** The three places a study date may be written. */
    enum DateSource {
        FRONT_MATTER {
            @Override String body(String date) {
                return "---\ndate: " + date + "\n---\n\n- [x] Watch lesson 1\n";
            }
        },
        HEADING {
            @Override String body(String date) {
                return "# " + date + "\n\n- [x] Watch lesson 1\n";
            }
        },
        FILE_NAME {
            @Override String path(String date) {
                return "Daily/" + date + " notes.md";
            }
        };

        String path(String date) {
            return "Inbox/untitled.md";
        }

        String body(String date) {
            return "- [x] Watch lesson 1\n";
        }
    }

    @Property
    void everyMarkerStatusAndIndentGivesTheRightStatus(@ForAll("listMarkers") String listMarker,
                                                       @ForAll("checkboxes") char checkbox,
                                                       @ForAll @IntRange(min = 0, max = 3) int depth) {
        StringBuilder note = new StringBuilder("## Goals\n\n");
        String indent = "";
        for (int level = 0; level < depth; level++) {
            note.append(indent).append(listMarker).append(" parent ").append(level).append('\n');
            indent += " ".repeat(listMarker.length() + 1);
        }
        note.append(indent).append(listMarker).append(" [").append(checkbox).append("] the task\n");

        List<Task> tasks = parse(null, note.toString()).tasks();

        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.text()).isEqualTo("the task");
            assertThat(task.status()).isEqualTo(TaskStatus.fromMarker(checkbox).orElseThrow());
        });
    }

    @Provide
    Arbitrary<String> listMarkers() {
        // Only lists starting at 1 may interrupt a paragraph, so nested ordered items use 1.
        return Arbitraries.of("-", "*", "+", "1.", "1)");
    }

    @Provide
    Arbitrary<Character> checkboxes() {
        return Arbitraries.of(' ', 'x', 'X', '/', '-', '>');
    }

    @Property
    void validTagsAreFoundLowerCased(@ForAll("validTags") String tag) {
        Note note = parse(null, "Studying #" + tag + " today");

        assertThat(note.tags()).containsExactly(tag.toLowerCase(Locale.ROOT));
    }

    @Provide
    Arbitrary<String> validTags() {
        // Known limitation: "_" after "#", "-" or "/" can open CommonMark emphasis (#a-_b_), which
        // splits the tag; such tags are left out here.
        Arbitrary<String> letter = Arbitraries.strings().withChars("abcXYZäöüğşıİ日本").ofLength(1);
        Arbitrary<String> rest = Arbitraries.strings().withChars("abcXYZ0123456789_-/ğü").ofMaxLength(10);
        return Combinators.combine(letter, rest).as((first, more) -> first + more)
                .filter(tag -> !tag.matches(".*[-/]_.*"));
    }

    @Property
    void allDigitTagsAreNotTags(@ForAll @StringLength(min = 1, max = 8) @NumericChars String digits) {
        assertThat(parse(null, "Issue #" + digits + " again").tags()).isEmpty();
    }

    @Example
    void parserIsSafeToShareBetweenThreads() {
        byte[] content = VaultNotesTest.vaultBytes("Daily/2025-08-04.md");
        Note expected = parser.parse("Daily/2025-08-04.md", content);

        assertThatCode(() -> List.of(1, 2, 3, 4, 5, 6, 7, 8).parallelStream().forEach(i ->
                assertThat(parser.parse("Daily/2025-08-04.md", content)).isEqualTo(expected)))
                .doesNotThrowAnyException();
    }

    @Example
    void crlfAndCrLineEndingsReadAsLf() {
        String lf = "# 2025-08-02 Saturday\n\n## 🎯 Goals\n- [x] Watch [[Lesson 1]]\n\n## ❓ Questions\n"
                + "- Why? #ml\n  - And how? https://x.org\n";
        Note expected = parse("Daily/2025-08-02.md", lf);

        assertThat(parse("Daily/2025-08-02.md", lf.replace("\n", "\r\n"))).isEqualTo(expected);
        assertThat(parse("Daily/2025-08-02.md", lf.replace("\n", "\r"))).isEqualTo(expected);
    }
}
