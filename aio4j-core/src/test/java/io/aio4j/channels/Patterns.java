package io.aio4j.channels;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Pattern files for tests: each 8-byte little-endian word holds its own file offset. */
final class Patterns {
    private Patterns() {
    }

    static Path write(Path dir, String name, int size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        for (int off = 0; off + 8 <= size; off += 8) {
            b.putLong(off, off);
        }
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    /** The pattern byte at file offset {@code off}. */
    static byte at(long off) {
        long word = off & ~7L;
        return (byte) (word >>> (8 * (off & 7)));
    }

    /** Whether {@code b}'s bytes [from, to) hold the pattern starting at file offset {@code fileOff}. */
    static boolean matches(ByteBuffer b, int from, int to, long fileOff) {
        for (int i = from; i < to; i++) {
            if (b.get(i) != at(fileOff + i - from)) {
                return false;
            }
        }
        return true;
    }
}
