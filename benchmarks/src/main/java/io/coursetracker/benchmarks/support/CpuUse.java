package io.coursetracker.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * CPU time as Linux accounts it, read from {@code /proc}: the whole machine's busy time
 * ({@code /proc/stat}) and each named group of processes' user and system time ({@code /proc/<pid>/stat}).
 * Two readings, taken before and after a phase, say how much of the machine the phase used and which
 * process used it; there is no library for this short of a monitoring agent.
 */
public final class CpuUse {
    /** Linux reports process times in clock ticks; USER_HZ is 100 on every architecture it runs Java on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, LongPredicate> groups;

    /** @param groups each group's name and which pids belong to it; a process counts in the first group that takes it */
    public CpuUse(Map<String, LongPredicate> groups) {
        this.groups = new LinkedHashMap<>(groups);
    }

    /** What was used so far, machine-wide and per group. */
    public record Reading(long nanoTime, long machineBusyTicks, long machineTicks, Map<String, Long> groupTicks) {
    }

    /** What a phase used, between two readings. */
    public record Used(double seconds, double machineBusyShare, Map<String, Double> groupCpuSeconds) {
        /** Of the whole machine (every core), how much was busy, from 0 to 1. */
        public double machineBusyShare() {
            return machineBusyShare;
        }

        /** Cores a group kept busy on average. */
        public double cores(String group) {
            return groupCpuSeconds.getOrDefault(group, 0.0) / seconds;
        }

        /** CPU milliseconds a group spent per unit of work done in the phase. */
        public double millisPer(String group, long units) {
            return groupCpuSeconds.getOrDefault(group, 0.0) * 1000.0 / Math.max(1, units);
        }

        public double totalMillisPer(long units) {
            return groupCpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum() * 1000.0 / Math.max(1, units);
        }
    }

    public Reading read() throws IOException {
        long[] machine = machineTicks();
        Map<String, Long> byGroup = new LinkedHashMap<>();
        groups.keySet().forEach(name -> byGroup.put(name, 0L));
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                for (Map.Entry<String, LongPredicate> group : groups.entrySet()) {
                    if (group.getValue().test(pid)) {
                        byGroup.merge(group.getKey(), processTicks(process), Long::sum);
                        break;
                    }
                }
            }
        }
        return new Reading(System.nanoTime(), machine[0], machine[1], byGroup);
    }

    /**
     * Between two readings. A process that ended in between is missing from the second, so its time
     * is not counted: the groups measured here (services, PostgreSQL's backends, this JVM) live through a phase.
     */
    public static Used between(Reading before, Reading after) {
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        after.groupTicks().forEach((group, ticks) ->
                cpu.put(group, Math.max(0, ticks - before.groupTicks().getOrDefault(group, 0L)) / TICKS_PER_SECOND));
        long busy = after.machineBusyTicks() - before.machineBusyTicks();
        long all = after.machineTicks() - before.machineTicks();
        return new Used(seconds, all == 0 ? 0 : busy / (double) all, cpu);
    }

    /** Whether the process's command (its {@code comm}) is this one, e.g. {@code postgres}. */
    public static LongPredicate command(String comm) {
        return pid -> {
            try {
                return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).strip().equals(comm);
            } catch (IOException e) {
                return false; // ended meanwhile
            }
        };
    }

    public static LongPredicate pid(long expected) {
        return pid -> pid == expected;
    }

    /** Busy and all ticks of every core: the first line of /proc/stat, idle and iowait being the not-busy ones. */
    private static long[] machineTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long all = 0;
        // user nice system idle iowait irq softirq steal (guest time is already inside user)
        for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
            all += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[]{all - idle, all};
    }

    private static long processTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // The command name, field 2, is in parentheses and may hold spaces: count fields after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15 of the line)
        } catch (IOException | RuntimeException e) {
            return 0; // ended meanwhile
        }
    }
}
