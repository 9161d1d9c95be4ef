package io.coursetracker.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A process's memory as Linux accounts it ({@code /proc/<pid>/status}), and the JVM's own view (jcmd). */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Resident set size now, in MiB. */
    public static double rssMiB(long pid) throws IOException {
        return statusKiB(pid, "VmRSS:") / 1024.0;
    }

    /** The largest resident set size so far, in MiB. */
    public static double peakRssMiB(long pid) throws IOException {
        return statusKiB(pid, "VmHWM:") / 1024.0;
    }

    private static long statusKiB(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
            }
        }
        throw new IOException(field + " missing for pid " + pid);
    }

    /** Runs {@code jcmd <pid> <command...>} with this JVM's jcmd and returns its output. */
    public static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        args.add(String.valueOf(pid));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }
}
