package io.aio4j.devengine;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.FileOption;
import io.aio4j.IoRequest;
import io.aio4j.spi.Availability;
import io.aio4j.spi.CompletionSink;
import io.aio4j.spi.EngineContext;
import io.aio4j.spi.EngineFile;
import io.aio4j.spi.EngineProvider;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in PORTABLE engine for front-end tests until the real one is merged: a FileChannel
 * per file and two worker threads. Test scope only.
 */
public final class DevEngineProvider implements EngineProvider {
    @Override
    public Engine engine() {
        return Engine.PORTABLE;
    }

    @Override
    public Availability availability() {
        return Availability.yes("dev stand-in");
    }

    @Override
    public EngineContext open(int entries, ContextOptions options) {
        return new Dev();
    }

    record Done(long tag, long result) {
    }

    static final class DevFile implements EngineFile {
        final FileChannel ch;

        DevFile(FileChannel ch) {
            this.ch = ch;
        }

        @Override
        public int fd() {
            return -1;
        }

        @Override
        public long size() throws IOException {
            return ch.size();
        }

        @Override
        public void truncate(long size) throws IOException {
            if (size < ch.size()) {
                ch.truncate(size);
            } else if (size > ch.size()) {
                ch.write(java.nio.ByteBuffer.allocate(1), size - 1);
            }
        }

        @Override
        public int alignment() {
            return 1;
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    static final class Dev implements EngineContext {
        private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dev-engine");
            t.setDaemon(true);
            return t;
        });
        private final LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
        private static final Done WAKE = new Done(-1, 0);

        @Override
        public int submit(IoRequest[] requests, int offset, int count) {
            for (int i = 0; i < count; i++) {
                IoRequest r = requests[offset + i];
                long tag = r.tag();
                pool.execute(() -> done.add(new Done(tag, run(r))));
            }
            return count;
        }

        private static long run(IoRequest r) {
            try {
                FileChannel ch = r.file() == null ? null : ((DevFile) r.file().handle()).ch;
                return switch (r.op()) {
                    case NOOP -> 0;
                    case PREAD, READ_FIXED -> Math.max(0, ch.read(r.buffer().asSlice(0, r.length()).asByteBuffer(), r.offset()));
                    case PWRITE, WRITE_FIXED -> ch.write(r.buffer().asSlice(0, r.length()).asByteBuffer(), r.offset());
                    case FSYNC -> { ch.force(true); yield 0; }
                    case FDSYNC -> { ch.force(false); yield 0; }
                    case PREADV -> {
                        long n = 0;
                        for (int i = 0; i < r.segmentCount(); i++) {
                            int k = ch.read(r.segment(i).asByteBuffer(), r.offset() + n);
                            n += Math.max(0, k);
                            if (k < r.segment(i).byteSize()) {
                                break;
                            }
                        }
                        yield n;
                    }
                    case PWRITEV -> {
                        long n = 0;
                        for (int i = 0; i < r.segmentCount(); i++) {
                            n += ch.write(r.segment(i).asByteBuffer(), r.offset() + n);
                        }
                        yield n;
                    }
                    case FALLOCATE -> {
                        if (r.offset() + r.length() > ch.size()) {
                            ch.write(java.nio.ByteBuffer.allocate(1), r.offset() + r.length() - 1);
                        }
                        yield 0;
                    }
                    default -> -95;
                };
            } catch (IOException e) {
                return -5;
            }
        }

        @Override
        public int reap(CompletionSink sink, int max, int min, long timeoutNanos) {
            int n = 0;
            try {
                while (n < max) {
                    Done d = n < min && timeoutNanos != 0 ? done.poll(timeoutNanos < 0 ? Long.MAX_VALUE : timeoutNanos, TimeUnit.NANOSECONDS) : done.poll();
                    if (d == null || d == WAKE) {
                        break;
                    }
                    sink.complete(d.tag(), d.result(), 0);
                    n++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return n;
        }

        @Override
        public void wakeup() {
            done.add(WAKE);
        }

        @Override
        public int cancel(IoRequest request) {
            return -22;
        }

        @Override
        public int registerBuffers(MemorySegment[] buffers) {
            return 0;
        }

        @Override
        public EngineFile openFile(Path path, Set<FileOption> options) throws IOException {
            Set<OpenOption> o = new HashSet<>();
            for (FileOption f : options) {
                switch (f) {
                    case READ -> o.add(StandardOpenOption.READ);
                    case WRITE -> o.add(StandardOpenOption.WRITE);
                    case CREATE -> o.add(StandardOpenOption.CREATE);
                    case CREATE_NEW -> o.add(StandardOpenOption.CREATE_NEW);
                    case TRUNCATE_EXISTING -> o.add(StandardOpenOption.TRUNCATE_EXISTING);
                    default -> { }
                }
            }
            if (!o.contains(StandardOpenOption.WRITE)) {
                o.add(StandardOpenOption.READ);
            }
            return new DevFile(FileChannel.open(path, o));
        }

        @Override
        public void close(CompletionSink drain) {
            pool.shutdown();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Done d;
            while ((d = done.poll()) != null) {
                if (d != WAKE) {
                    drain.complete(d.tag(), d.result(), 0);
                }
            }
        }

        @Override
        public List<String> downgrades() {
            return List.of();
        }
    }
}
