package io.coursetracker.contracts.note;

/** Number of top-level list items under each recognised section. */
public record SectionCounts(int goals, int studied, int insights, int questions) {
    public static final SectionCounts EMPTY = new SectionCounts(0, 0, 0, 0);
}
