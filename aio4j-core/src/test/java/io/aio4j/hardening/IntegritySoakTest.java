package io.aio4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7 item 6, at the core level: mixed random reads and writes of 4 KiB blocks over a file,
 * 16 in flight, with a crc32c per block. Each block's content is a function of (block, version);
 * a write bumps the version when it is acknowledged, every read is checked against the crc of
 * the last acknowledged version, and the whole file is checked at the end. Buffers alternate
 * between native and heap memory (the core's bounce path). Never two requests on one block at
 * once, so the expected content is always defined. Zero mismatches are allowed.
 *
 * <p>CI: 8 MiB and 20,000 operations per engine ({@code slow}). By hand, 1 GiB and 500,000
 * operations: {@code ./mvnw -pl aio4j-core test -Dtest=IntegritySoakTest -Dsurefire.excludedGroups=}.
 */
@Timeout(900)
class IntegritySoakTest {
    private static final int BLOCK = 4096;
    private static final int DEPTH = 16;
    /** Each request's own buffer. */
    private final IdentityHashMap<IoRequest, MemorySegment> bufferTable = new IdentityHashMap<>();

    @TempDir
    Path dir;

    @EngineTest
    @Tag("slow")
    void shortMixedSoakHasNoMismatch(EngineCase engine) throws Exception {
        soak(engine, (8 << 20) / BLOCK, 20_000);
    }

    @EngineTest
    @Tag("soak")
    void gibibyteMixedSoakHasNoMismatch(EngineCase engine) throws Exception {
        soak(engine, (1 << 30) / BLOCK, 500_000);
    }

    private void soak(EngineCase engine, int blocks, int operations) throws Exception {
        engine.assumeAvailable();
        Path p = dir.resolve("soak");
        int[] version = new int[blocks];
        int[] crc = new int[blocks];
        boolean[] busy = new boolean[blocks];
        initialize(p, blocks, crc);
        SplittableRandom rnd = new SplittableRandom(2024);
        long mismatches = 0;
        long reads = 0;
        long writes = 0;
        try (IoContext ctx = IoContext.open(DEPTH, engine.options()); Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE);
            ArrayDeque<IoRequest> idle = new ArrayDeque<>();
            for (int i = 0; i < DEPTH; i++) {
                MemorySegment b = i % 2 == 0 ? arena.allocate(BLOCK, BLOCK) : MemorySegment.ofArray(new byte[BLOCK]);
                idle.add(new IoRequest().prepNop().userData(-1));
                bufferTable.put(idle.peekLast(), b);
            }
            IoEvent[] ev = IoEvent.array(DEPTH);
            int issued = 0;
            int done = 0;
            while (done < operations) {
                while (issued < operations && !idle.isEmpty()) {
                    int block = rnd.nextInt(blocks);
                    if (busy[block]) {
                        continue;
                    }
                    busy[block] = true;
                    IoRequest r = idle.poll();
                    MemorySegment b = bufferTable.get(r);
                    if (rnd.nextBoolean()) {
                        content(b, block, version[block] + 1);
                        r.prepWrite(f, b, (long) block * BLOCK);
                    } else {
                        r.prepRead(f, b, (long) block * BLOCK);
                    }
                    assertThat(ctx.submit(r.userData(block))).isEqualTo(1);
                    issued++;
                }
                int n = ctx.getEvents(1, ev, 0, DEPTH, 30_000_000_000L);
                for (int i = 0; i < n; i++) {
                    IoRequest r = ev[i].request();
                    int block = (int) ev[i].userData();
                    assertThat(ev[i].result()).as("%s", ev[i]).isEqualTo(BLOCK);
                    if (r.op().isWrite()) {
                        version[block]++;
                        crc[block] = crc32c(r.buffer());
                        writes++;
                    } else {
                        reads++;
                        if (crc32c(r.buffer()) != crc[block]) {
                            mismatches++;
                        }
                    }
                    busy[block] = false;
                    idle.add(r);
                }
                done += n;
            }
            mismatches += verifyAll(ctx, f, arena, blocks, crc);
        }
        System.out.printf("integrity soak [%s]: %d MiB, %d reads + %d writes verified by crc32c, %d mismatches%n",
                engine, (long) blocks * BLOCK >> 20, reads, writes, mismatches);
        assertThat(mismatches).isZero();
    }

    /** Writes version 0 of every block with a plain FileChannel and records its crc. */
    private static void initialize(Path p, int blocks, int[] crc) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                Arena a = Arena.ofConfined()) {
            MemorySegment b = a.allocate(BLOCK, BLOCK);
            ByteBuffer bb = b.asByteBuffer();
            for (int i = 0; i < blocks; i++) {
                content(b, i, 0);
                crc[i] = crc32c(b);
                bb.clear();
                while (bb.hasRemaining()) {
                    ch.write(bb, (long) i * BLOCK + bb.position());
                }
            }
        }
    }

    private static long verifyAll(IoContext ctx, IoFile f, Arena arena, int blocks, int[] crc) throws InterruptedException {
        MemorySegment b = arena.allocate(BLOCK, BLOCK);
        IoEvent[] ev = IoEvent.array(1);
        long bad = 0;
        for (int i = 0; i < blocks; i++) {
            assertThat(ctx.submit(new IoRequest().prepRead(f, b, (long) i * BLOCK))).isEqualTo(1);
            Reap.exactly(ctx, ev, 1, 30);
            assertThat(ev[0].result()).isEqualTo(BLOCK);
            if (crc32c(b) != crc[i]) {
                bad++;
            }
        }
        return bad;
    }

    /** The content of a block at a version: a seeded pseudo-random stream. */
    private static void content(MemorySegment b, int block, int version) {
        SplittableRandom r = new SplittableRandom(((long) block << 32) ^ version);
        for (long i = 0; i < BLOCK; i += 8) {
            b.set(ValueLayout.JAVA_LONG_UNALIGNED, i, r.nextLong());
        }
    }

    private static int crc32c(MemorySegment s) {
        CRC32C c = new CRC32C();
        c.update(s.asByteBuffer());
        return (int) c.getValue();
    }
}
