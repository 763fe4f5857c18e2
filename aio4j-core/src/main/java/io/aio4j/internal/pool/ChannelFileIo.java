package io.aio4j.internal.pool;

import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoRequest;
import io.aio4j.RwFlags;
import io.aio4j.spi.EngineFile;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The portable engine's backend for any OS: FileChannel positional reads and writes. RWF_NOWAIT
 * cannot be honoured (-EOPNOTSUPP, as the kernel answers for files without it); RWF_DSYNC/SYNC
 * force after the write; RWF_APPEND writes at the current size. fallocate mode 0 is emulated by
 * extending the file; other modes give -EOPNOTSUPP. Exceptions map onto errno values.
 */
final class ChannelFileIo implements FileIo {
    @Override
    public EngineFile open(Path path, Set<FileOption> options) throws IOException {
        Set<OpenOption> o = new HashSet<>();
        boolean write = options.contains(FileOption.WRITE);
        o.add(StandardOpenOption.READ);
        if (!options.contains(FileOption.READ) && write) {
            o.remove(StandardOpenOption.READ);
        }
        if (write) {
            o.add(StandardOpenOption.WRITE);
        }
        if (options.contains(FileOption.CREATE_NEW)) {
            o.add(StandardOpenOption.CREATE_NEW);
        } else if (options.contains(FileOption.CREATE)) {
            o.add(StandardOpenOption.CREATE);
        }
        if (options.contains(FileOption.TRUNCATE_EXISTING)) {
            o.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if (options.contains(FileOption.DSYNC)) {
            o.add(StandardOpenOption.DSYNC);
        }
        if (options.contains(FileOption.SYNC)) {
            o.add(StandardOpenOption.SYNC);
        }
        boolean direct = options.contains(FileOption.DIRECT);
        if (direct) {
            o.add(com.sun.nio.file.ExtendedOpenOption.DIRECT);
        }
        FileChannel ch = FileChannel.open(path, o);
        int align = 1;
        if (direct) {
            try {
                align = (int) Math.max(1, Files.getFileStore(path).getBlockSize());
            } catch (IOException | UnsupportedOperationException e) {
                align = 4096;
            }
        }
        return new ChannelFile(ch, align);
    }

    @Override
    public boolean supportsNowait() {
        return false;
    }

    @Override
    public long perform(IoRequest r, long done, int extraRwFlags, Iovecs.Scratch scratch) {
        int flags = r.rwFlags() | extraRwFlags;
        if ((flags & RwFlags.RWF_NOWAIT) != 0) {
            return -Errno.EOPNOTSUPP;
        }
        try {
            if (r.op() == io.aio4j.Op.NOOP) {
                return 0;
            }
            FileChannel ch = ((ChannelFile) r.file().handle()).channel();
            long res = switch (r.op()) {
                case PREAD, READ_FIXED -> read(ch, r.buffer(), done, r.length(), r.offset());
                case PWRITE, WRITE_FIXED -> write(ch, r.buffer(), done, r.length(), pos(ch, r, flags));
                case PREADV, PWRITEV -> vectored(ch, r, flags);
                case FSYNC -> force(ch, true);
                case FDSYNC -> force(ch, false);
                case FALLOCATE -> fallocate(ch, r);
                case NOOP -> 0;
            };
            if (res > 0 && r.op().isWrite() && (flags & (RwFlags.RWF_DSYNC | RwFlags.RWF_SYNC)) != 0) {
                ch.force((flags & RwFlags.RWF_SYNC) != 0);
            }
            return res;
        } catch (ClosedChannelException | NonReadableChannelException | NonWritableChannelException e) {
            return -Errno.EBADF;
        } catch (IllegalStateException e) {
            return -Errno.EFAULT;
        } catch (IllegalArgumentException e) {
            return -Errno.EINVAL;
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            return m.contains("multiple of") || m.contains("align") ? -Errno.EINVAL
                    : m.contains("No space") ? -Errno.ENOSPC : -Errno.EIO;
        }
    }

    private static long pos(FileChannel ch, IoRequest r, int flags) throws IOException {
        return (flags & RwFlags.RWF_APPEND) != 0 ? ch.size() : r.offset();
    }

    private static long read(FileChannel ch, MemorySegment b, long done, long len, long off) throws IOException {
        ByteBuffer bb = b.asSlice(done, len - done).asByteBuffer();
        long total = 0;
        while (bb.hasRemaining()) {
            int n = ch.read(bb, off + done + total);
            if (n <= 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static long write(FileChannel ch, MemorySegment b, long done, long len, long off) throws IOException {
        ByteBuffer bb = b.asSlice(done, len - done).asByteBuffer();
        long total = 0;
        while (bb.hasRemaining()) {
            total += ch.write(bb, off + done + total);
        }
        return total;
    }

    private static long vectored(FileChannel ch, IoRequest r, int flags) throws IOException {
        long at = r.op().isWrite() ? pos(ch, r, flags) : r.offset();
        long total = 0;
        for (int i = 0; i < r.segmentCount(); i++) {
            MemorySegment s = r.segment(i);
            long n = r.op().isRead() ? read(ch, s, 0, s.byteSize(), at + total) : write(ch, s, 0, s.byteSize(), at + total);
            total += n;
            if (n < s.byteSize()) {
                break;
            }
        }
        return total;
    }

    private static long force(FileChannel ch, boolean meta) throws IOException {
        ch.force(meta);
        return 0;
    }

    private static long fallocate(FileChannel ch, IoRequest r) throws IOException {
        if (r.mode() != 0) {
            return -Errno.EOPNOTSUPP;
        }
        long end = r.offset() + r.length();
        if (ch.size() < end) {
            ch.write(ByteBuffer.allocate(1), end - 1);
        }
        return 0;
    }

    /** A FileChannel as an engine file. */
    static final class ChannelFile implements EngineFile {
        private final FileChannel channel;
        private final int alignment;

        ChannelFile(FileChannel channel, int alignment) {
            this.channel = channel;
            this.alignment = alignment;
        }

        FileChannel channel() {
            return channel;
        }

        @Override
        public int fd() {
            return -1;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public void truncate(long size) throws IOException {
            if (size < channel.size()) {
                channel.truncate(size);
            } else if (size > channel.size()) {
                channel.write(ByteBuffer.allocate(1), size - 1);
            }
        }

        @Override
        public int alignment() {
            return alignment;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
