package io.aio4j.bench.run;

import io.aio4j.bench.options.JobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * fio's disk utilisation ("disk_util" in its JSON, "Disk stats" in its normal output): for each
 * block device the jobs' files live on, the change in /sys/block/DEV/stat over the run. A file's
 * device is its file system's (a partition's whole disk), or the device itself for a block
 * device file; files in memory (tmpfs) have none, and fio reports none for them either. Stacked
 * devices (md, dm) are reported as themselves, without fio's aggregate of their members.
 */
public final class DiskStats {
    /** One device's counters: reads, writes, merges, ticks (ms), time in queue and I/O time (ms). */
    public record Device(String name, long readIos, long writeIos, long readMerges, long writeMerges, long readTicks,
            long writeTicks, long inQueue, long ioTicks) {
        Device minus(Device before) {
            return new Device(name, readIos - before.readIos, writeIos - before.writeIos, readMerges - before.readMerges,
                    writeMerges - before.writeMerges, readTicks - before.readTicks, writeTicks - before.writeTicks,
                    inQueue - before.inQueue, ioTicks - before.ioTicks);
        }

        /** The share of {@code elapsedMillis} the device was busy, in percent, at most 100. */
        public double util(long elapsedMillis) {
            return elapsedMillis <= 0 ? 0 : Math.min(100.0, 100.0 * ioTicks / elapsedMillis);
        }
    }

    private final Map<String, Device> devices;
    private final long atNanos;

    private DiskStats(Map<String, Device> devices, long atNanos) {
        this.devices = devices;
        this.atNanos = atNanos;
    }

    /** The counters now of the devices under the jobs' files (none where /sys cannot tell). */
    public static DiskStats sample(List<JobSpec> jobs) {
        Map<String, Device> found = new LinkedHashMap<>();
        // one stat per job and the /sys lookup once per device number: seed 003's 512 jobs in one
        // directory had made about ten file system calls each (20-35 ms before the wave could start)
        Map<Long, String> byDev = new HashMap<>();
        for (JobSpec j : jobs) {
            String name = deviceOf(j.file(), byDev);
            if (name != null && !found.containsKey(name)) {
                Device d = read(name);
                if (d != null) {
                    found.put(name, d);
                }
            }
        }
        return new DiskStats(found, System.nanoTime());
    }

    /** The same devices' counters now. */
    public DiskStats again() {
        Map<String, Device> now = new LinkedHashMap<>();
        for (String name : devices.keySet()) {
            Device d = read(name);
            if (d != null) {
                now.put(name, d);
            }
        }
        return new DiskStats(now, System.nanoTime());
    }

    /** What changed from {@code before} to this sample, device by device, and over how long. */
    public Change since(DiskStats before) {
        List<Device> changed = new ArrayList<>();
        for (Device d : devices.values()) {
            Device b = before.devices.get(d.name());
            if (b != null) {
                changed.add(d.minus(b));
            }
        }
        return new Change(changed, Math.max(0, (atNanos - before.atNanos) / 1_000_000));
    }

    /** The devices' changes over {@code elapsedMillis}; empty where the files are on no block device. */
    public record Change(List<Device> devices, long elapsedMillis) {
        /** No device. */
        public static final Change NONE = new Change(List.of(), 0);

        /** This change and {@code other} together: counters and times added, device by device. */
        Change plus(Change other) {
            if (devices.isEmpty()) {
                return other;
            }
            List<Device> sum = new ArrayList<>();
            for (Device d : devices) {
                Device o = other.devices.stream().filter(x -> x.name().equals(d.name())).findFirst().orElse(null);
                sum.add(o == null ? d : new Device(d.name(), d.readIos + o.readIos, d.writeIos + o.writeIos,
                        d.readMerges + o.readMerges, d.writeMerges + o.writeMerges, d.readTicks + o.readTicks,
                        d.writeTicks + o.writeTicks, d.inQueue + o.inQueue, d.ioTicks + o.ioTicks));
            }
            return new Change(sum, elapsedMillis + other.elapsedMillis);
        }
    }

    /**
     * The devices' change over the waves' measured phases only, from each start line to the wave's
     * last job (BenchRun.Waves): the JIT warm-up before a wave does I/O to the job's file (O_DIRECT
     * reads of a disk's file, for one), which fio's disk_util has no counterpart of. A 64 MiB
     * randrw at depth 64 with O_DIRECT counted 3.5 times the job's I/Os when sampled around the
     * whole run.
     */
    public static final class Meter implements BenchRun.Waves {
        private final DiskStats devices;
        private DiskStats atStart;
        private Change total = Change.NONE;

        /**
         * A meter over the devices under {@code jobs}' files, found now (a file not made yet has its
         * directory's device), so that the start line reads only their counters.
         */
        public Meter(List<JobSpec> jobs) {
            this.devices = sample(jobs);
        }

        @Override
        public void started() {
            atStart = devices.again();
        }

        @Override
        public void ended() {
            if (atStart != null) {
                total = total.plus(atStart.again().since(atStart));
                atStart = null;
            }
        }

        /** What the measured phases changed. */
        public Change change() {
            return total;
        }
    }

    /** The whole disk holding {@code file} (or the device it is), or null. */
    static String deviceOf(Path file) {
        return deviceOf(file, new HashMap<>());
    }

    /**
     * As {@link #deviceOf(Path)}, with {@code byDev} remembering the disk of each device number
     * already looked up in /sys (null for none).
     */
    static String deviceOf(Path file, Map<Long, String> byDev) {
        try {
            Path p = file.toAbsolutePath();
            Map<String, Object> st = null;
            while (p != null && st == null) {
                try {
                    st = Files.readAttributes(p, "unix:mode,dev,rdev");
                } catch (NoSuchFileException e) {
                    p = p.getParent(); // a job's file is made later: its directory has the same device
                }
            }
            if (st == null) {
                return null;
            }
            boolean blockDevice = st.get("mode") instanceof Integer mode && (mode & 0xF000) == 0x6000;
            long dev = (Long) st.get(blockDevice ? "rdev" : "dev");
            if (byDev.containsKey(dev)) {
                return byDev.get(dev);
            }
            String name = diskOf(dev);
            byDev.put(dev, name);
            return name;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The whole disk of device number {@code dev} from /sys/dev/block, or null (tmpfs, no /sys). */
    private static String diskOf(long dev) throws IOException {
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        Path sys = Path.of("/sys/dev/block/" + major + ":" + minor);
        if (major == 0 || !Files.exists(sys)) {
            return null;
        }
        Path real = sys.toRealPath();
        if (Files.exists(real.resolve("partition"))) {
            real = real.getParent();
        }
        return real.getFileName().toString();
    }

    /** The space-separated numbers of a stat line (without a regular expression: it is read at every run). */
    static long[] fields(String line) {
        List<Long> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(Long.parseLong(line, start, i, 10));
            }
        }
        long[] f = new long[out.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = out.get(k);
        }
        return f;
    }

    /** /sys/block/NAME/stat, or null. */
    private static Device read(String name) {
        try {
            long[] f = fields(Files.readString(Path.of("/sys/block", name, "stat")));
            if (f.length < 11) {
                return null;
            }
            return new Device(name, f[0], f[4], f[1], f[5], f[3], f[7], f[10], f[9]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
