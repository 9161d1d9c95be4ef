package io.coursetracker.notes.markdown;

import java.util.List;

/**
 * What a paragraph or heading says, read from its inline nodes.
 *
 * @param text  plain text: link and image text kept, code span content kept, wikilinks shown as
 *              Obsidian shows them, whitespace collapsed
 * @param links link destinations, bare URLs and wikilink targets, in order
 * @param tags  inline tags, lower-case, in order
 */
record InlineContent(String text, List<String> links, List<String> tags) {
    InlineContent {
        links = List.copyOf(links);
        tags = List.copyOf(tags);
    }
}
