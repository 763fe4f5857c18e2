package io.aio4j.hardening;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Pattern files, where every 8-byte word holds its own file offset (liburing's file-verify), so
 * any read at an 8-aligned offset can be checked without keeping a copy, and a stray write of
 * wrong or freed memory shows on the next read.
 */
final class Patterns {
    static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Patterns() {
    }

    /** Writes a pattern file of {@code size} bytes (a multiple of 8). */
    static void create(Path path, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (long at = 0; at < size; at += b.capacity()) {
                b.clear();
                int n = (int) Math.min(b.capacity(), size - at);
                for (int i = 0; i < n; i += 8) {
                    b.putLong(i, at + i);
                }
                b.limit(n);
                while (b.hasRemaining()) {
                    ch.write(b, at + b.position());
                }
            }
        }
    }

    /** Fills {@code length} bytes of {@code s} with the pattern of file offset {@code fileOffset} (8-aligned). */
    static void fill(MemorySegment s, long fileOffset, long length) {
        for (long i = 0; i < length; i += 8) {
            s.set(WORD, i, fileOffset + i);
        }
    }

    /** The first byte offset in {@code s} whose word is not the pattern of {@code fileOffset}, or -1. */
    static long mismatch(MemorySegment s, long fileOffset, long length) {
        for (long i = 0; i < length; i += 8) {
            if (s.get(WORD, i) != fileOffset + i) {
                return i;
            }
        }
        return -1;
    }
}
