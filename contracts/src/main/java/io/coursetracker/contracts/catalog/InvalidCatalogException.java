package io.coursetracker.contracts.catalog;

import java.util.List;

/**
 * A catalog that cannot be used: malformed JSON, or a catalog that {@link CatalogValidator} rejects.
 * {@link #problems()} names every problem found, one sentence each; the message joins them.
 */
public class InvalidCatalogException extends RuntimeException {

    private final List<String> problems;

    public InvalidCatalogException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidCatalogException(String problem, Throwable cause) {
        super(message(List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        return problems.size() == 1
                ? "invalid catalog: " + problems.get(0)
                : "invalid catalog (" + problems.size() + " problems): " + String.join("; ", problems);
    }
}
