package io.coursetracker.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Map;

/** {@code course-tracker upload|watch}: a learner's vault to ingest-service. */
@Command(name = "course-tracker",
        mixinStandardHelpOptions = true,
        version = "course-tracker learner CLI 0.1.0",
        usageHelpWidth = 100,
        description = {
                "Sends the notes of your Obsidian (or any Markdown) vault to Course Tracker, which turns them into "
                        + "lesson progress and streaks.",
                "",
                "Only .md files count; hidden folders (.obsidian, .trash, any name starting with a dot) and other "
                        + "files are never sent. Your token comes from $" + ServerOptions.TOKEN_VARIABLE
                        + " or --token-file FILE, never from the command line.",
                ""},
        subcommands = {UploadCommand.class, WatchCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  export " + ServerOptions.TOKEN_VARIABLE + "=ct_...",
                "  java -jar learner-cli.jar upload ~/Vault --learner sam",
                "  java -jar learner-cli.jar watch ~/Vault --learner sam --server http://tracker.example:8081",
                "  java -jar learner-cli.jar help watch"})
public final class LearnerCli {
    private final Map<String, String> environment;

    public LearnerCli(Map<String, String> environment) {
        this.environment = environment;
    }

    Map<String, String> environment() {
        return environment;
    }

    public static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new LearnerCli(environment));
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }
}
