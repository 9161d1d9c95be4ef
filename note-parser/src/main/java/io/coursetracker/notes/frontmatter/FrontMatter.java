package io.coursetracker.notes.frontmatter;

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

    private static final Pattern OPENING = Pattern.compile("\\A---[ \\t]*\\n");
    private static final Pattern CLOSING = Pattern.compile("^(?:---|\\.\\.\\.)[ \\t]*$", Pattern.MULTILINE);
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
        return new FrontMatter(
                Optional.ofNullable(property(properties, "date")).map(String::valueOf),
                tagsOf(property(properties, "tags")),
                body,
                List.of());
    }

    /** Obsidian reads property names case-insensitively; so do we. */
    private static Object property(Map<?, ?> properties, String name) {
        for (Map.Entry<?, ?> entry : properties.entrySet()) {
            if (entry.getKey() != null && String.valueOf(entry.getKey()).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** {@code tags:} may be a YAML list or one string of comma- or space-separated tags. */
    private static List<String> tagsOf(Object value) {
        List<String> tags = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            for (Object item : list) {
                if (item != null) {
                    tags.addAll(splitTags(String.valueOf(item)));
                }
            }
        } else if (value != null) {
            tags.addAll(splitTags(String.valueOf(value)));
        }
        return tags;
    }

    private static List<String> splitTags(String written) {
        return TAG_SEPARATORS.splitAsStream(written.trim()).filter(tag -> !tag.isEmpty()).toList();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** A Yaml instance is not thread-safe, so each note gets its own. */
    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
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
