package io.aio4j.linux.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each call of {@link LibC} against the kernel, through syscall(2) by number: results, -errno
 * values the way libc's wrappers reported them, and the checks on segment arguments.
 */
@Timeout(30)
class LibCTest {
    private static final int ENOENT = 2;
    private static final int EBADF = 9;

    @TempDir
    Path dir;

    @BeforeEach
    void linuxWithKnownNumbers() {
        assumeTrue(Native.IS_LINUX && Syscalls.known(), "needs Linux on x86_64 or aarch64");
    }

    private static int open(Arena a, Path p, int flags) {
        return LibC.open(a.allocateFrom(p.toString()), flags | OpenFlags.O_CLOEXEC, 0644);
    }

    @Test
    void openWriteReadSizeAndClose() throws Exception {
        try (Arena a = Arena.ofConfined()) {
            Path p = dir.resolve("f");
            int fd = open(a, p, OpenFlags.O_RDWR | OpenFlags.O_CREAT);
            assertThat(fd).isGreaterThanOrEqualTo(0);
            MemorySegment out = a.allocateFrom("hello, syscall");
            assertThat(LibC.pwrite(fd, out, out.byteSize(), 100)).isEqualTo(out.byteSize());
            MemorySegment in = a.allocate(out.byteSize());
            assertThat(LibC.pread(fd, in, in.byteSize(), 100)).isEqualTo(in.byteSize());
            assertThat(in.getString(0)).isEqualTo("hello, syscall");
            assertThat(LibC.pread(fd, in.address(), 5, 100)).isEqualTo(5); // the raw-address form
            assertThat(LibC.pread(fd, in, 10, 1000)).isZero(); // end of file
            assertThat(LibC.fdatasync(fd)).isZero();
            assertThat(LibC.fsync(fd)).isZero();
            assertThat(LibC.ftruncate(fd, 4096)).isZero();
            assertThat(LibC.posixFadvise(fd, 0, 0, LibC.POSIX_FADV_DONTNEED)).isZero();
            MemorySegment stx = a.allocate(Statx.LAYOUT);
            assertThat(LibC.statx(fd, a.allocateFrom(""), Statx.AT_EMPTY_PATH, Statx.STATX_SIZE, stx)).isZero();
            assertThat(Statx.stxSize(stx)).isEqualTo(4096);
            assertThat(Files.size(p)).isEqualTo(4096);
            MemorySegment fs = a.allocate(Statfs.LAYOUT);
            assertThat(LibC.fstatfs(fd, fs)).isZero();
            assertThat(Statfs.fType(fs)).isPositive();
            assertThat(LibC.close(fd)).isZero();
            assertThat(LibC.close(fd)).isEqualTo(-EBADF);
        }
    }

    @Test
    void errorsComeBackAsMinusErrno() {
        try (Arena a = Arena.ofConfined()) {
            assertThat(open(a, dir.resolve("missing"), OpenFlags.O_RDONLY)).isEqualTo(-ENOENT);
            MemorySegment buf = a.allocate(8);
            assertThat(LibC.pread(-1, buf, 8, 0)).isEqualTo(-EBADF);
            assertThat(LibC.posixFadvise(-1, 0, 0, LibC.POSIX_FADV_DONTNEED)).isEqualTo(-EBADF);
            assertThat(LibC.mmap(0, 4096, LibC.PROT_READ, LibC.MAP_SHARED, -1, 0)).isEqualTo(-EBADF);
        }
    }

    @Test
    void eventfdReadWriteAndPpoll() {
        try (Arena a = Arena.ofConfined()) {
            int efd = LibC.eventfd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
            assertThat(efd).isGreaterThanOrEqualTo(0);
            MemorySegment pollfd = a.allocate(Ppoll.POLLFD);
            MemorySegment ts = a.allocate(KernelTimespec.LAYOUT);
            Ppoll.pollfd(pollfd, efd, Ppoll.POLLIN);
            KernelTimespec.setNanos(ts, 1_000_000);
            assertThat(Ppoll.ppoll(pollfd, 1, ts)).isZero(); // nothing to read: times out
            MemorySegment one = a.allocate(ValueLayout.JAVA_LONG);
            one.set(ValueLayout.JAVA_LONG, 0, 3);
            assertThat(LibC.write(efd, one, 8)).isEqualTo(8);
            KernelTimespec.setNanos(ts, 1_000_000_000);
            assertThat(Ppoll.ppoll(pollfd, 1, ts)).isEqualTo(1);
            assertThat(Ppoll.revents(pollfd) & Ppoll.POLLIN).isEqualTo(Ppoll.POLLIN);
            MemorySegment got = a.allocate(ValueLayout.JAVA_LONG);
            assertThat(LibC.read(efd, got, 8)).isEqualTo(8);
            assertThat(got.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(3);
            assertThat(LibC.read(efd, got, 8)).isEqualTo(-Errnos.EAGAIN);
            assertThat(LibC.close(efd)).isZero();
        }
    }

    @Test
    void mmapAndMunmapAFile() {
        try (Arena a = Arena.ofConfined()) {
            int fd = open(a, dir.resolve("m"), OpenFlags.O_RDWR | OpenFlags.O_CREAT);
            assertThat(LibC.fallocate(fd, 0, 0, 4096)).isZero();
            long addr = LibC.mmap(0, 4096, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
            assertThat(addr).isPositive();
            MemorySegment.ofAddress(addr).reinterpret(4096).set(ValueLayout.JAVA_LONG, 8, 42);
            assertThat(LibC.munmap(addr, 4096)).isZero();
            MemorySegment back = a.allocate(8);
            assertThat(LibC.pread(fd, back, 8, 8)).isEqualTo(8);
            assertThat(back.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(42);
            LibC.close(fd);
        }
    }

    @Test
    void aHeapOrClosedSegmentIsRefusedBeforeTheCall() {
        MemorySegment closed;
        try (Arena a = Arena.ofConfined()) {
            closed = a.allocate(16);
        }
        MemorySegment gone = closed;
        assertThatThrownBy(() -> LibC.read(0, gone, 16)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LibC.pread(0, gone, 16, 0)).isInstanceOf(IllegalStateException.class);
        MemorySegment heap = MemorySegment.ofArray(new byte[16]);
        assertThatThrownBy(() -> LibC.read(0, heap, 16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heap segment");
        assertThatThrownBy(() -> LibC.pread(0, heap, 16, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
