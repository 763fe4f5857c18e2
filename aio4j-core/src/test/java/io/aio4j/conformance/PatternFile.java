package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.IoErrors;
import io.aio4j.linux.abi.LibC;
import io.aio4j.linux.abi.Native;
import io.aio4j.linux.abi.OpenFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Pattern files, after liburing's file-verify: every 8-byte word holds its own file offset
 * (little endian), so any byte read from anywhere says where it came from. Byte {@code p} of a
 * pattern file is byte {@code p % 8} of the word {@code p - p % 8}.
 */
public final class PatternFile {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private PatternFile() {
    }

    /** Creates (or replaces) {@code path} with {@code size} bytes of pattern, written with the JDK. */
    public static Path create(Path path, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            for (long at = 0; at < size; ) {
                int n = (int) Math.min(chunk.capacity(), size - at);
                chunk.clear().limit(n);
                fill(MemorySegment.ofBuffer(chunk), at);
                while (chunk.hasRemaining()) {
                    at += ch.write(chunk, at);
                }
            }
        }
        return path;
    }

    /** The pattern's byte at file position {@code position}. */
    public static byte byteAt(long position) {
        long word = position & ~7L;
        return (byte) (word >>> (8 * (position & 7)));
    }

    /** Fills all of {@code segment} with the pattern as it lies in the file from {@code fileOffset}. */
    public static void fill(MemorySegment segment, long fileOffset) {
        long size = segment.byteSize();
        long i = 0;
        // the bytes before the first whole word, then whole words, then the tail
        for (; i < size && ((fileOffset + i) & 7) != 0; i++) {
            segment.set(ValueLayout.JAVA_BYTE, i, byteAt(fileOffset + i));
        }
        for (; i + 8 <= size; i += 8) {
            segment.set(WORD, i, fileOffset + i);
        }
        for (; i < size; i++) {
            segment.set(ValueLayout.JAVA_BYTE, i, byteAt(fileOffset + i));
        }
    }

    /** A heap copy of the pattern over {@code [fileOffset, fileOffset + length)}. */
    public static byte[] bytes(long fileOffset, int length) {
        byte[] b = new byte[length];
        fill(MemorySegment.ofArray(b), fileOffset);
        return b;
    }

    /**
     * Asserts that the first {@code length} bytes of {@code segment} hold the pattern as read from
     * {@code fileOffset}, naming the first byte that does not.
     */
    public static void verify(MemorySegment segment, long fileOffset, long length) {
        assertThat(length).as("verified length").isBetween(0L, segment.byteSize());
        long bad = firstMismatch(segment, fileOffset, length);
        assertThat(bad).as(() -> "first byte breaking the pattern read from file offset " + fileOffset
                + " (-1 = none)" + describe(segment, fileOffset, bad)).isEqualTo(-1L);
    }

    /** Asserts that all of {@code segment} holds the pattern as read from {@code fileOffset}. */
    public static void verify(MemorySegment segment, long fileOffset) {
        verify(segment, fileOffset, segment.byteSize());
    }

    /** The index of the first byte in {@code [0, length)} that is not the pattern at {@code fileOffset}, or -1. */
    public static long firstMismatch(MemorySegment segment, long fileOffset, long length) {
        long i = 0;
        for (; i < length && ((fileOffset + i) & 7) != 0; i++) {
            if (segment.get(ValueLayout.JAVA_BYTE, i) != byteAt(fileOffset + i)) {
                return i;
            }
        }
        for (; i + 8 <= length; i += 8) {
            if (segment.get(WORD, i) != fileOffset + i) {
                break; // find the exact byte below
            }
        }
        for (; i < length; i++) {
            if (segment.get(ValueLayout.JAVA_BYTE, i) != byteAt(fileOffset + i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Drops {@code path} from the page cache (fsync, then posix_fadvise DONTNEED), so the next
     * buffered reads go to the device. Returns false where that cannot be done (not Linux).
     */
    public static boolean evict(Path path) throws IOException {
        if (!Native.IS_LINUX) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.force(true);
        }
        int fd;
        try (Arena a = Arena.ofConfined()) {
            fd = LibC.open(a.allocateFrom(path.toString()), OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, 0);
        }
        if (fd < 0) {
            throw IoErrors.forPath(fd, "open", path.toString());
        }
        try {
            int r = LibC.posixFadvise(fd, 0, 0, LibC.POSIX_FADV_DONTNEED);
            if (r != 0) {
                throw IoErrors.forResult(r, "posix_fadvise", fd, 0, 0);
            }
        } finally {
            LibC.close(fd);
        }
        return true;
    }

    private static String describe(MemorySegment segment, long fileOffset, long bad) {
        if (bad < 0) {
            return "";
        }
        return String.format(": at buffer index %d found 0x%02x, expected 0x%02x (pattern byte of file position %d)",
                bad, segment.get(ValueLayout.JAVA_BYTE, bad), byteAt(fileOffset + bad), fileOffset + bad);
    }
}
