package io.coursetracker.notes.frontmatter;

import io.coursetracker.notes.NoteLimits;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * snakeyaml on its own, the other library cost {@code WorkBudget} holds our parser against: loading
 * the note's front matter block with the loader {@link FrontMatter} uses (its limits included), and
 * nothing of ours (property lookup, writing values out within the budget, tags).
 */
public final class SnakeyamlBaseline {

    private SnakeyamlBaseline() {
    }

    /** Loads the front matter block of {@code text} as {@link FrontMatter#of} does; null when it would not. */
    public static Object load(String text) {
        var opening = FrontMatter.OPENING.matcher(text);
        if (!opening.find()) {
            return null;
        }
        var closing = FrontMatter.CLOSING.matcher(text);
        if (!closing.find(opening.end())) {
            return null;
        }
        String yaml = text.substring(opening.end(), closing.start());
        if (yaml.length() > NoteLimits.MAX_FRONT_MATTER_CHARS) {
            return null;
        }
        try {
            return FrontMatter.newYaml().load(yaml);
        } catch (YAMLException invalid) {
            return invalid;
        }
    }
}
