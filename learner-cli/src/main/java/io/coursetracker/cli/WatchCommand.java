package io.coursetracker.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code watch}: every save, rename and delete, as it happens. */
@Command(name = "watch",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = {
                "Follows the vault and sends every note you save, rename or delete, as it happens.",
                "",
                "A saved note is sent (PUT) a moment after your editor has finished writing it, a deleted one is "
                        + "deleted (DELETE), a renamed one is both. Subfolders are followed, new ones too; hidden "
                        + "folders and non-.md files are never sent.",
                "",
                "On start it sends what changed while it was not running and deletes what vanished, comparing "
                        + "with what it remembers in the state file. When the server is away it keeps every change "
                        + "and retries until the server is back. A note the server rejects (not UTF-8, over 1 MiB) "
                        + "is reported and sent again only once you change it.",
                "",
                "Runs until Ctrl-C. Exit status 1 when the server refuses your token or learner id.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  export COURSE_TRACKER_TOKEN=ct_...",
                "  java -jar learner-cli.jar watch ~/Vault --learner sam",
                "  java -jar learner-cli.jar watch ~/Vault --learner sam --server http://host:8081"})
final class WatchCommand implements Callable<Integer> {
    @ParentCommand
    LearnerCli parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VAULT", description = "The vault folder.")
    Path vault;

    @Mixin
    ServerOptions server;

    @Option(names = "--state-file", paramLabel = "FILE",
            description = "Where to remember what was sent (default: VAULT/.course-tracker/sent-<learner>.json).")
    Path stateFile;

    @Option(names = "--debounce", paramLabel = "MILLIS", defaultValue = "200", hidden = true,
            description = "How long a note must rest after a write before it is sent (default: ${DEFAULT-VALUE}).")
    long debounceMillis;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> maybeToken = server.tokenForVault(vault, parent.environment(), err);
        if (maybeToken.isEmpty()) {
            return 2;
        }
        String token = maybeToken.get();
        Path root = vault.toRealPath();
        Path state = stateFile != null ? stateFile : SyncState.defaultFile(root, server.learner);
        VaultSync sync = new VaultSync(root, new IngestClient(server.server, server.learner, token),
                SyncState.load(state, server.learner, server.server.toString()), debounceMillis, out, err);
        try {
            new VaultWatcher(root, sync, out).run();
        } catch (VaultSync.RefusedException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            out.println("Stopped; " + sync.pendingCount() + " change(s) not yet sent will be sent on the next start.");
            out.flush();
        }
        return 0;
    }
}
