package io.coursetracker.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Who the learner is and where ingest-service listens; shared by every subcommand. */
public final class ServerOptions {
    static final String TOKEN_VARIABLE = "COURSE_TRACKER_TOKEN";

    @Option(names = "--learner", required = true, paramLabel = "ID", description = "Your learner id.")
    String learner;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://localhost:8081",
            description = "ingest-service's address (default: ${DEFAULT-VALUE}).")
    URI server;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding your token. Without it the token comes from $" + TOKEN_VARIABLE
                    + ". There is deliberately no option taking the token itself: other users could see it in 'ps'.")
    Path tokenFile;

    /** The token from --token-file, else from the environment; never printed. */
    String token(Map<String, String> environment) throws IOException {
        String token;
        if (tokenFile != null) {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new IllegalArgumentException("the token file " + tokenFile + " is empty");
            }
            return token;
        }
        token = environment.get(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no token: set " + TOKEN_VARIABLE + " or give --token-file FILE");
        }
        return token.strip();
    }

    /**
     * What every subcommand checks before it talks to the server: the vault is a folder and a token
     * is at hand. Prints why not to {@code err} and returns empty; the caller exits with status 2.
     */
    Optional<String> tokenForVault(Path vault, Map<String, String> environment, PrintWriter err) throws IOException {
        if (!Files.isDirectory(vault)) {
            err.println("not a folder: " + vault);
            return Optional.empty();
        }
        try {
            return Optional.of(token(environment));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Optional.empty();
        }
    }
}
