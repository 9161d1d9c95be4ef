package io.coursetracker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code upload}: the whole vault as one zip. */
@Command(name = "upload",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = {
                "Sends the whole vault once, as a zip.",
                "",
                "Prints how many notes the server accepted, how many were unchanged since last time, and each "
                        + "note it rejected with why. Hidden folders and non-.md files are left out.",
                "",
                "Exit status: 0 when nothing was rejected; 1 when a note was rejected, or the server refused the "
                        + "upload or could not be reached; 2 on a usage error.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  COURSE_TRACKER_TOKEN=ct_... java -jar learner-cli.jar upload ~/Vault --learner sam",
                "  java -jar learner-cli.jar upload ~/Vault --learner sam --token-file ~/.ct-token --mirror"})
final class UploadCommand implements Callable<Integer> {
    @ParentCommand
    LearnerCli parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VAULT", description = "The vault folder.")
    Path vault;

    @Mixin
    ServerOptions server;

    @Option(names = "--mirror", description = "Also delete, on the server, the notes that are no longer in the vault.")
    boolean mirror;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> maybeToken = server.tokenForVault(vault, parent.environment(), err);
        if (maybeToken.isEmpty()) {
            return 2;
        }
        String token = maybeToken.get();
        VaultZip.Archive archive = VaultZip.of(vault);
        out.printf("Uploading %d note(s) from %s to %s%n", archive.notes().size(), vault, server.server);
        IngestClient.UploadAnswer answer;
        try {
            answer = new IngestClient(server.server, server.learner, token).upload(archive.zip(), mirror);
        } catch (ConnectException e) {
            err.println("cannot reach ingest-service at " + server.server + " (is it running?)");
            return 1;
        } catch (IOException e) {
            err.println("upload failed: " + e);
            return 1;
        }
        if (answer.status() / 100 != 2) {
            err.printf("the server refused the upload: HTTP %d %s%n", answer.status(), IngestClient.describe(answer.status(), answer.text()));
            return 1;
        }
        JsonNode body = answer.body();
        out.printf("accepted:  %d%n", body.path("accepted").asInt());
        out.printf("unchanged: %d%n", body.path("unchanged").asInt());
        if (mirror || body.path("deleted").asInt() > 0) {
            out.printf("deleted:   %d%n", body.path("deleted").asInt());
        }
        JsonNode rejected = body.path("rejected");
        out.printf("rejected:  %d%n", rejected.size());
        for (JsonNode note : rejected) {
            out.printf("  %s: %s%n", note.path("path").asText(), note.path("error").asText());
        }
        out.flush();
        return rejected.size() == 0 ? 0 : 1;
    }
}
