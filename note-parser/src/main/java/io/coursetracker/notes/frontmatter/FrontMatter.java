package io.coursetracker.notes.frontmatter;

import io.coursetracker.notes.NoteLimits;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The YAML block between {@code ---} lines at the top of a note, and the Markdown body after it.
 *
 * <p>The block is cut off by hand rather than with commonmark's YAML front matter extension,
 * because that extension parses the YAML itself (a small subset, strings only); snakeyaml reads
 * the block instead.
 *
 * @param date     the {@code date:} value as written, if any
 * @param tags     the {@code tags:} values as written (with or without {@code #})
 * @param body     the Markdown after the block (the whole text when there is none)
 * @param warnings problems with the block
 */
public record FrontMatter(Optional<String> date, List<String> tags, String body, List<String> warnings) {

    static final Pattern OPENING = Pattern.compile("\\A---[ \\t]*\\n");
    static final Pattern CLOSING = Pattern.compile("^(?:---|\\.\\.\\.)[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[,\\s]+");

    public FrontMatter {
        tags = List.copyOf(tags);
        warnings = List.copyOf(warnings);
    }

    public static FrontMatter of(String text) {
        var opening = OPENING.matcher(text);
        if (!opening.find()) {
            return new FrontMatter(Optional.empty(), List.of(), text, List.of());
        }
        var closing = CLOSING.matcher(text);
        if (!closing.find(opening.end())) {
            // An unclosed "---" is a thematic break followed by text, as commonmark reads it.
            return new FrontMatter(Optional.empty(), List.of(), text, List.of());
        }
        String yaml = text.substring(opening.end(), closing.start());
        String body = text.substring(Math.min(text.length(), closing.end() + 1));
        if (yaml.length() > NoteLimits.MAX_FRONT_MATTER_CHARS) {
            return new FrontMatter(Optional.empty(), List.of(), body,
                    List.of("front matter is longer than " + NoteLimits.MAX_FRONT_MATTER_CHARS
                            + " characters and was ignored"));
        }
        Object loaded;
        try {
            loaded = newYaml().load(yaml);
        } catch (YAMLException invalid) {
            return new FrontMatter(Optional.empty(), List.of(), body,
                    List.of("front matter is not valid YAML and was ignored: " + firstLine(invalid.getMessage())));
        }
        if (loaded == null) {
            return new FrontMatter(Optional.empty(), List.of(), body, List.of());
        }
        if (!(loaded instanceof Map<?, ?> properties)) {
            return new FrontMatter(Optional.empty(), List.of(), body,
                    List.of("front matter is not a set of properties and was ignored"));
        }
        // Lists and maps may share one another through aliases, so their strings could be far longer
        // than the block: all values together are written within the block's own length.
        Budget budget = new Budget(yaml.length());
        try {
            return new FrontMatter(
                    Optional.ofNullable(property(properties, "date")).map(date -> budget.render(date)),
                    tagsOf(property(properties, "tags"), budget),
                    body,
                    List.of());
        } catch (BudgetExceeded exceeded) {
            return new FrontMatter(Optional.empty(), List.of(), body,
                    List.of("front matter values expand to more than " + budget.limit
                            + " characters (the length of the front matter) and were ignored"));
        }
    }

    /**
     * Obsidian reads property names case-insensitively; so do we. Only scalar names are compared: a
     * list or map used as a name (YAML allows it) is never a property we read, and its string could be
     * as large as an alias graph makes it.
     */
    private static Object property(Map<?, ?> properties, String name) {
        for (Map.Entry<?, ?> entry : properties.entrySet()) {
            Object key = entry.getKey();
            if (key != null && !(key instanceof Collection<?>) && !(key instanceof Map<?, ?>)
                    && String.valueOf(key).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** {@code tags:} may be a YAML list or one string of comma- or space-separated tags. */
    private static List<String> tagsOf(Object value, Budget budget) {
        List<String> tags = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            for (Object item : list) {
                if (item != null) {
                    tags.addAll(splitTags(budget.render(item)));
                }
            }
        } else if (value != null) {
            tags.addAll(splitTags(budget.render(value)));
        }
        return tags;
    }

    /**
     * Writes YAML values as {@link String#valueOf} does ({@code [a, b]}, {@code {k=v}}), but stops once
     * all the values written so far exceed {@code limit} characters. {@code String.valueOf} walks an
     * alias graph as a tree: 15 levels of three aliases each are 3^15 copies of the innermost value,
     * far more than the heap, from a block of a few hundred bytes.
     */
    private static final class Budget {
        private final int limit;
        private int written;

        Budget(int limit) {
            this.limit = limit;
        }

        String render(Object value) {
            StringBuilder out = new StringBuilder();
            append(out, value, 0);
            return out.toString();
        }

        /**
         * {@code depth} stops a list that holds itself ({@code &a [*a]}, which snakeyaml allows as a
         * value) before the stack does: no real value nests deeper than the YAML's own depth limit.
         */
        private void append(StringBuilder out, Object value, int depth) {
            if ((value instanceof Collection<?> || value instanceof Map<?, ?>) && depth >= NoteLimits.MAX_YAML_DEPTH) {
                throw new BudgetExceeded();
            }
            if (value instanceof Collection<?> list) {
                add(out, "[");
                for (Iterator<?> items = list.iterator(); items.hasNext(); ) {
                    append(out, items.next(), depth + 1);
                    if (items.hasNext()) {
                        add(out, ", ");
                    }
                }
                add(out, "]");
            } else if (value instanceof Map<?, ?> map) {
                add(out, "{");
                for (Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator(); entries.hasNext(); ) {
                    Map.Entry<?, ?> entry = entries.next();
                    append(out, entry.getKey(), depth + 1);
                    add(out, "=");
                    append(out, entry.getValue(), depth + 1);
                    if (entries.hasNext()) {
                        add(out, ", ");
                    }
                }
                add(out, "}");
            } else {
                // A scalar (string, number, boolean, null, binary): its own string is within the block's size.
                add(out, String.valueOf(value));
            }
        }

        private void add(StringBuilder out, String part) {
            written += part.length();
            if (written > limit) {
                throw new BudgetExceeded();
            }
            out.append(part);
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    private static List<String> splitTags(String written) {
        return TAG_SEPARATORS.splitAsStream(written.trim()).filter(tag -> !tag.isEmpty()).toList();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /**
     * A Yaml instance is not thread-safe, so each note gets its own. The limits are set explicitly
     * (snakeyaml's defaults allow 50 aliases, which is plenty for a bomb): see {@link NoteLimits}.
     */
    static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(NoteLimits.MAX_YAML_ALIASES);
        options.setNestingDepthLimit(NoteLimits.MAX_YAML_DEPTH);
        options.setCodePointLimit(NoteLimits.MAX_FRONT_MATTER_CHARS);
        options.setAllowRecursiveKeys(false);
        // Obsidian keeps the last of two equal property names; so does snakeyaml when allowed.
        options.setAllowDuplicateKeys(true);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new DatesAsWritten());
    }

    /**
     * Keeps YAML timestamps as the strings they were written as. snakeyaml would otherwise turn
     * {@code 2025-02-30} into 2 March (it builds dates leniently) and shift a date-time with an
     * offset to UTC, moving it to another day; the note's date is parsed strictly later.
     */
    private static final class DatesAsWritten extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
