package io.aio4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7 item 5: a real ENOSPC. A 1 MiB tmpfs is mounted for the test (root only: skipped
 * with the reason otherwise) and filled with pattern writes until one fails: it must report
 * -ENOSPC (after at most one short write), and every byte of every write acknowledged before
 * must read back intact.
 */
@Timeout(60)
class EnospcTest {
    private static final int BLOCK = 64 * 1024;

    @TempDir
    Path dir;
    private Path mount;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        mount = dir.resolve("small");
        Files.createDirectory(mount);
        String why = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString());
        Assumptions.assumeTrue(why == null, () -> "cannot mount a 1 MiB tmpfs (needs root): " + why);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount == null || !Files.exists(mount)) {
            return;
        }
        // io_uring tears a ring down asynchronously (io_ring_exit_work): its last file
        // references can outlive close() by a moment, and the mount stays busy until then
        String why = run("umount", mount.toString());
        for (int i = 0; i < 50 && why != null; i++) {
            Thread.sleep(20);
            why = run("umount", mount.toString());
        }
        if (why != null) {
            run("umount", "-l", mount.toString());
            throw new AssertionError("the tmpfs stayed busy after the context closed: " + why);
        }
    }

    /** Runs a command; null on success, else why it failed. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + " timed out";
        }
        return p.exitValue() == 0 ? null : String.join(" ", command) + ": exit " + p.exitValue() + " " + out;
    }

    @EngineTest
    void failedWriteReportsEnospcAndEarlierWritesSurvive(EngineCase engine) throws Exception {
        engine.assumeAvailable();
        Path p = mount.resolve("fill");
        long acknowledged = 0;
        long failure = 0;
        int shortWrites = 0;
        try (IoContext ctx = IoContext.open(4, engine.options()); Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE, FileOption.CREATE);
            MemorySegment buf = arena.allocate(BLOCK, 4096);
            IoEvent[] ev = IoEvent.array(1);
            for (int i = 0; i < 64 && failure == 0; i++) {
                Patterns.fill(buf, acknowledged, BLOCK);
                assertThat(ctx.submit(new IoRequest().prepWrite(f, buf, acknowledged))).isEqualTo(1);
                Reap.exactly(ctx, ev, 1, 30);
                long res = ev[0].result();
                if (res < 0) {
                    failure = res;
                } else {
                    assertThat(res).as("write %d", i).isPositive();
                    if (res < BLOCK) {
                        shortWrites++;
                    }
                    acknowledged += res;
                }
            }
            assertThat(failure).as("the write that did not fit").isEqualTo(-Errno.ENOSPC);
            assertThat(shortWrites).as("at most one short write before ENOSPC").isLessThanOrEqualTo(1);
            assertThat(acknowledged).isBetween(1L, 1L << 20);
            MemorySegment back = arena.allocate(acknowledged + BLOCK, 4096);
            assertThat(ctx.submit(new IoRequest().prepRead(f, back, 0))).isEqualTo(1);
            Reap.exactly(ctx, ev, 1, 30);
            assertThat(ev[0].result()).isEqualTo(acknowledged);
            assertThat(Patterns.mismatch(back, 0, acknowledged & ~7L)).as("acknowledged bytes").isEqualTo(-1);
            System.out.printf("ENOSPC [%s]: %d bytes acknowledged, %d short write(s), then %d%n",
                    engine, acknowledged, shortWrites, failure);
        }
    }
}
