package io.coursetracker.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line itself: help, and where the token may come from. Talking to ingest is LearnerCliIT's job. */
class LearnerCliTest {
    @TempDir
    Path vault;

    @Test
    void helpExplainsEveryCommandWithExamples() {
        for (String[] args : new String[][] {{"--help"}, {"upload", "--help"}, {"watch", "--help"}, {"help", "watch"}}) {
            Run run = run(Map.of(), args);
            assertThat(run.exitCode).isZero();
            assertThat(run.output).contains("Usage: course-tracker", "Examples:", ServerOptions.TOKEN_VARIABLE);
        }
        assertThat(run(Map.of(), "--help").output).contains("upload", "watch");
        assertThat(run(Map.of(), "watch", "--help").output).contains("--learner", "--server", "--token-file", "--state-file");
    }

    @Test
    void theTokenComesFromTheEnvironmentOrAFileNeverFromAnOption() throws Exception {
        Run none = run(Map.of(), "upload", vault.toString(), "--learner", "sam");
        assertThat(none.exitCode).isEqualTo(2);
        assertThat(none.output).contains("no token", ServerOptions.TOKEN_VARIABLE);

        Run asOption = run(Map.of(), "upload", vault.toString(), "--learner", "sam", "--token", "ct_secret");
        assertThat(asOption.exitCode).isEqualTo(2);
        assertThat(asOption.output).contains("Unknown option").doesNotContain("no token");

        ServerOptions options = new ServerOptions();
        assertThat(options.token(Map.of(ServerOptions.TOKEN_VARIABLE, " ct_env\n"))).isEqualTo("ct_env");
        options.tokenFile = vault.resolve("token");
        Files.writeString(options.tokenFile, "ct_file\n");
        assertThat(options.token(Map.of(ServerOptions.TOKEN_VARIABLE, "ct_env"))).isEqualTo("ct_file");
    }

    @Test
    void anUnreachableServerIsReportedWithoutTheToken() throws Exception {
        Files.writeString(vault.resolve("a.md"), "# 2026-03-14");
        // Port 9 (discard) is closed on any test machine: the connection is refused.
        Run run = run(Map.of(ServerOptions.TOKEN_VARIABLE, "ct_secret"), "upload", vault.toString(), "--learner", "sam",
                "--server", "http://127.0.0.1:9");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.output).contains("cannot reach ingest-service").doesNotContain("ct_secret");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(Map<String, String> environment, String... args) {
        StringWriter output = new StringWriter();
        PrintWriter print = new PrintWriter(output, true);
        int exitCode = LearnerCli.commandLine(environment).setOut(print).setErr(print).execute(args);
        return new Run(exitCode, output.toString());
    }
}
