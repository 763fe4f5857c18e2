package io.aio4j.linux.uring;

import static io.aio4j.linux.uring.UringTestSupport.assumeUring;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Errno;
import io.aio4j.linux.abi.IoUringSys;
import io.aio4j.linux.abi.KernelTimespec;
import io.aio4j.linux.abi.LibC;
import io.aio4j.linux.abi.OpenFlags;
import io.aio4j.linux.abi.Statx;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** openat, close, statx, timeout, link timeout and async cancel on a raw {@link Ring}. */
@Timeout(30)
class UringOpsTest {
    @TempDir
    Path dir;
    private Ring ring;
    private Arena arena;

    @BeforeEach
    void setUp() throws Exception {
        assumeUring();
        ring = Ring.open(8, 0, 0, 0);
        arena = Arena.ofConfined();
    }

    @AfterEach
    void tearDown() {
        if (ring != null) {
            ring.close();
            arena.close();
        }
    }

    /** Prepares SQEs with {@code prep} (given each SQE's offset), submits, and waits for {@code n} CQEs. */
    private Map<Long, Integer> run(int n, LongConsumer... preps) {
        for (LongConsumer p : preps) {
            p.accept(ring.sq().next());
        }
        ring.sq().publish();
        Map<Long, Integer> res = new LinkedHashMap<>();
        assertThat(ring.enter(preps.length, n, IoUringSys.IORING_ENTER_GETEVENTS)).isEqualTo(preps.length);
        while (res.size() < n) {
            ring.cq().reap((ud, r, f) -> {
                res.put(ud, r);
                return 1;
            }, n);
            if (res.size() < n) {
                ring.enter(0, 1, IoUringSys.IORING_ENTER_GETEVENTS);
            }
        }
        return res;
    }

    private MemorySegment ts(long nanos) {
        MemorySegment t = arena.allocate(KernelTimespec.LAYOUT);
        KernelTimespec.setNanos(t, nanos);
        return t;
    }

    @Test
    void openatStatxClose() throws Exception {
        Path p = UringTestSupport.patternFile(dir, 8192);
        MemorySegment path = arena.allocateFrom(p.toString());
        MemorySegment sqes = ring.sq().sqes();
        int fd = run(1, at -> UringOps.prepOpenat(sqes, at, UringOps.AT_FDCWD, path, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC,
                0, 0, 1)).get(1L);
        assertThat(fd).isNotNegative();
        MemorySegment buf = arena.allocate(8);
        assertThat(LibC.pread(fd, buf, 8, 4096)).isEqualTo(8);
        assertThat(buf.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(4096);

        MemorySegment stx = arena.allocate(Statx.LAYOUT);
        assertThat(run(1, at -> UringOps.prepStatx(sqes, at, UringOps.AT_FDCWD, path, 0, Statx.STATX_SIZE, stx, 0, 2)))
                .containsEntry(2L, 0);
        assertThat(Statx.stxSize(stx)).isEqualTo(8192);

        assertThat(run(1, at -> UringOps.prepClose(sqes, at, fd, 0, 3))).containsEntry(3L, 0);
        assertThat(run(1, at -> UringOps.prepClose(sqes, at, fd, 0, 4))).containsEntry(4L, -Errno.EBADF);
        assertThat(run(1, at -> UringOps.prepOpenat(sqes, at, UringOps.AT_FDCWD, arena.allocateFrom(dir + "/missing"),
                OpenFlags.O_RDONLY, 0, 0, 5))).containsEntry(5L, -Errno.ENOENT);
    }

    @Test
    void timeoutExpiresOrCountsCompletions() {
        MemorySegment sqes = ring.sq().sqes();
        assertThat(run(1, at -> UringOps.prepTimeout(sqes, at, ts(1_000_000), 0, 0, 0, 1))).containsEntry(1L, -Errno.ETIME);
        // count 1: the NOP's completion satisfies it before the 10 s pass
        Map<Long, Integer> r = run(2, at -> UringOps.prepTimeout(sqes, at, ts(10_000_000_000L), 1, 0, 0, 2), at -> {
            io.aio4j.linux.abi.IoUringSqe.opcode(sqes, at, IoUringSys.IORING_OP_NOP);
            io.aio4j.linux.abi.IoUringSqe.userData(sqes, at, 3);
        });
        assertThat(r).containsEntry(2L, 0).containsEntry(3L, 0);
    }

    @Test
    void linkTimeoutCancelsTheRequestBeforeIt() {
        MemorySegment sqes = ring.sq().sqes();
        Map<Long, Integer> r = run(2,
                at -> UringOps.prepTimeout(sqes, at, ts(10_000_000_000L), 0, 0, IoUringSys.IOSQE_IO_LINK, 1),
                at -> UringOps.prepLinkTimeout(sqes, at, ts(1_000_000), 0, 2));
        assertThat(r).containsEntry(1L, -Errno.ECANCELED).containsEntry(2L, -Errno.ETIME);
    }

    @Test
    void asyncCancelFindsAPendingRequestAndNotAMissingOne() {
        MemorySegment sqes = ring.sq().sqes();
        Map<Long, Integer> r = run(2, at -> UringOps.prepTimeout(sqes, at, ts(10_000_000_000L), 0, 0, 0, 1),
                at -> UringOps.prepAsyncCancel(sqes, at, 1, 0, 2));
        assertThat(r).containsEntry(1L, -Errno.ECANCELED).containsEntry(2L, 0);
        assertThat(run(1, at -> UringOps.prepAsyncCancel(sqes, at, 1, 0, 3))).containsEntry(3L, -Errno.ENOENT);
    }
}
