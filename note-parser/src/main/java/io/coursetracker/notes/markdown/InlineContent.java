package io.coursetracker.notes.markdown;

import java.util.List;

/**
 * What a paragraph or heading says, read from its inline nodes.
 *
 * @param text  plain text: link and image text kept, code span content kept, wikilinks shown as
 *              Obsidian shows them, whitespace collapsed; null when only links and tags were read
 * @param blank whether the plain text is blank (known even when the text was not kept)
 * @param links link destinations, bare URLs and wikilink targets, in order
 * @param tags  inline tags, lower-case, in order
 */
record InlineContent(String text, boolean blank, List<String> links, List<String> tags) {
    InlineContent {
        links = List.copyOf(links);
        tags = List.copyOf(tags);
    }
}
