package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue #7 item 1c: closing the arena that owns a buffer while its request is in flight never
 * crashes the JVM and never lets the engine touch freed memory. A read whose arena is closed
 * before its event is reaped completes with -EFAULT; a write was copied at submit and completes
 * normally; the context stays usable. See docs/buffer-lifetimes.md.
 */
public interface ArenaCloseCases extends ConformanceFixture {
    /** O_DIRECT reads of this size keep the device busy long enough to be in flight at the close. */
    int READ_SIZE = 64 * 1024;
    byte CANARY = 0x5A;

    /**
     * 500 rounds of 4 O_DIRECT reads into a shared arena: in odd rounds the arena is closed right
     * after submit and a canary arena of the same size is allocated (so the allocator likely reuses
     * the freed memory) before the reap; every read must complete with -EFAULT and the canary stay
     * intact. In even rounds the arena stays open and the data must be the file's.
     */
    @Test
    default void readsIntoASharedArenaClosedInFlightCompleteWithEfaultAndWriteNothing() throws Exception {
        int perRound = 4;
        long fileSize = 4L << 20;
        IoFile f = ctx().openFile(pattern("arena-close.bin", fileSize), FileOption.READ, FileOption.DIRECT);
        IoRequest[] rs = new IoRequest[perRound];
        for (int i = 0; i < perRound; i++) {
            rs[i] = new IoRequest();
        }
        MemorySegment expected = MemorySegment.ofArray(new byte[READ_SIZE * perRound]).fill(CANARY);
        int efaults = 0;
        for (int round = 0; round < 500; round++) {
            boolean closeEarly = (round & 1) == 1;
            Arena arena = Arena.ofShared();
            MemorySegment[] bufs = new MemorySegment[perRound];
            for (int i = 0; i < perRound; i++) {
                bufs[i] = arena.allocate(READ_SIZE, 4096);
                rs[i].prepRead(f, bufs[i], offset(round, i, fileSize)).userData(i);
            }
            assertThat(ctx().submit(rs)).isEqualTo(perRound);
            Arena canary = null;
            if (closeEarly) {
                arena.close();
                canary = Arena.ofShared();
                MemorySegment c = canary.allocate((long) READ_SIZE * perRound, 4096).fill(CANARY);
                IoEvent[] evs = reap(ctx(), perRound);
                for (IoEvent e : evs) {
                    assertThat(e.result()).as("round %d read %d", round, e.userData()).isEqualTo(-Errno.EFAULT);
                    efaults++;
                }
                assertThat(c.mismatch(expected))
                        .as("canary memory written after the arena closed (round %d)", round).isEqualTo(-1L);
                canary.close();
            } else {
                for (IoEvent e : reap(ctx(), perRound)) {
                    int i = (int) e.userData();
                    assertThat(e.result()).as("round %d read %d", round, i).isEqualTo(READ_SIZE);
                    PatternFile.verify(bufs[i], offset(round, i, fileSize));
                }
                arena.close();
            }
            if (round % 100 == 99) {
                System.gc(); // nothing the engine may touch must depend on the collector
            }
        }
        assertThat(efaults).isEqualTo(250 * perRound);
        assertDrained(ctx());
        assertThat(result(new IoRequest().prepRead(f, arena().allocate(READ_SIZE, 4096), 0))).as("a read after the rounds")
                .isEqualTo(READ_SIZE);
    }

    private static long offset(int round, int i, long fileSize) {
        return ((long) round * 4 + i) * READ_SIZE % fileSize;
    }

    /** Writes are copied at submit: closing their arena at once still stores every byte. */
    @Test
    default void aWriteFromASharedArenaClosedAfterSubmitStoresItsData() throws Exception {
        Path p = dir().resolve("arena-write.bin");
        IoFile f = ctx().openFile(p, FileOption.WRITE, FileOption.CREATE);
        int blocks = 200;
        IoRequest r = new IoRequest();
        for (int i = 0; i < blocks; i++) {
            Arena arena = Arena.ofShared();
            MemorySegment b = arena.allocate(4096, 4096);
            PatternFile.fill(b, i * 4096L);
            assertThat(ctx().submit(r.prepWrite(f, b, i * 4096L))).isEqualTo(1);
            arena.close();
            assertThat(reap(ctx(), 1)[0].result()).as("write %d", i).isEqualTo(4096);
        }
        PatternFile.verify(MemorySegment.ofArray(Files.readAllBytes(p)), 0, blocks * 4096L);
    }

    /** Vectored requests follow the same rule: a closed read is -EFAULT, a closed write is stored. */
    @Test
    default void vectoredRequestsOnAClosedSharedArena() throws Exception {
        Path p = pattern("arena-vec.bin", 64 * 1024);
        IoFile f = ctx().openFile(p, FileOption.READ, FileOption.WRITE);
        Arena a = Arena.ofShared();
        MemorySegment[] in = {a.allocate(100), a.allocate(5000), a.allocate(3)};
        IoRequest r = new IoRequest().prepReadv(f, in, 10);
        assertThat(ctx().submit(r)).isEqualTo(1);
        a.close();
        assertThat(reap(ctx(), 1)[0].result()).isEqualTo(-Errno.EFAULT);

        Arena b = Arena.ofShared();
        MemorySegment[] out = {b.allocate(700), b.allocate(4096)};
        PatternFile.fill(out[0], 20_000);
        PatternFile.fill(out[1], 20_700);
        out[0].set(ValueLayout.JAVA_BYTE, 0, (byte) 0); // changes the file, so the write shows
        assertThat(ctx().submit(r.prepWritev(f, out, 20_000))).isEqualTo(1);
        b.close();
        assertThat(reap(ctx(), 1)[0].result()).isEqualTo(4796);
        byte[] back = Files.readAllBytes(p);
        assertThat(back[20_000]).isZero();
        PatternFile.verify(MemorySegment.ofArray(back).asSlice(20_001), 20_001, 4795);
    }

    /**
     * A confined arena: submitted and reaped by its owner it works; closed before the reap, or
     * reaped by another thread, the read completes with -EFAULT; a write submitted by another
     * thread completes with -EFAULT and stores nothing.
     */
    @Test
    default void confinedArenaOutcomes() throws Exception {
        Path p = pattern("arena-confined.bin", 64 * 1024);
        IoFile f = ctx().openFile(p, FileOption.READ, FileOption.WRITE);
        IoContext c = ctx();
        try (Arena owned = Arena.ofConfined()) {
            MemorySegment b = owned.allocate(4096, 4096);
            assertThat(result(new IoRequest().prepRead(f, b, 8192))).isEqualTo(4096);
            PatternFile.verify(b, 8192);

            IoRequest other = new IoRequest().prepRead(f, b, 0);
            assertThat(c.submit(other)).isEqualTo(1);
            long[] res = new long[1];
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    res[0] = reap(c, 1)[0].result();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.join();
            assertThat(res[0]).as("read reaped on a thread that does not own the arena").isEqualTo(-Errno.EFAULT);

            MemorySegment w = owned.allocate(4096).fill((byte) 7);
            res[0] = 0;
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    res[0] = result(new IoRequest().prepWrite(f, w, 0));
                } catch (Exception e) {
                    res[0] = Long.MIN_VALUE;
                }
            });
            writer.join();
            assertThat(res[0]).as("write submitted by a thread that does not own the arena").isEqualTo(-Errno.EFAULT);
            PatternFile.verify(MemorySegment.ofArray(Files.readAllBytes(p)), 0, 64 * 1024);
        }
        Arena closing = Arena.ofConfined();
        MemorySegment b = closing.allocate(4096, 4096);
        assertThat(c.submit(new IoRequest().prepRead(f, b, 0))).isEqualTo(1);
        closing.close();
        assertThat(reap(c, 1)[0].result()).isEqualTo(-Errno.EFAULT);
        assertDrained(c);
    }
}
