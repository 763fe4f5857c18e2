package io.aio4j.hardening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a process holds that a leak would grow: open descriptors, memory mappings (an unmapped
 * io_uring or AIO ring would stay here), live threads and aio4j engine threads.
 */
record Leaks(long fds, long mappings, int threads, long aio4jThreads) {
    static Leaks now() throws IOException {
        long fds;
        Path dir = Path.of("/proc/self/fd");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                fds = s.count() - 1; // the listing's own descriptor
            }
        } else {
            fds = -1;
        }
        Path maps = Path.of("/proc/self/maps");
        long mappings = Files.isReadable(maps) ? Files.readAllLines(maps).size() : -1;
        var all = Thread.getAllStackTraces().keySet();
        long ours = all.stream().filter(t -> t.getName().startsWith("aio4j-")).count();
        return new Leaks(fds, mappings, all.size(), ours);
    }

    /** Waits (bounded) for threads that are ending to be gone, then measures. */
    static Leaks settled() throws IOException, InterruptedException {
        Leaks l = now();
        for (int i = 0; i < 50 && l.aio4jThreads() > 0; i++) {
            Thread.sleep(20);
            l = now();
        }
        return l;
    }
}
