package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextOptions;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.Op;
import io.aio4j.buffers.AlignedBufferPool;
import io.aio4j.spi.FaultInjectingEngine;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Which memory reaches the engine as it is (zero copy) and which through a context-owned copy,
 * seen from a decorator that records the address each request hands the engine. Memory kept alive
 * by reachability (auto, global, direct ByteBuffers, pool buffers) goes as it is; memory of a
 * closeable arena is copied, at the same offset within its page; with the caller's promise
 * ({@code callerKeepsArenasOpen}) it goes as it is.
 */
public interface ZeroCopyCases extends ConformanceFixture {
    @Test
    default void keptAliveMemoryGoesUncopiedAndCloseableArenasAreCopiedUnlessTheCallerPromises() throws Exception {
        Path p = pattern("zero-copy.bin", 64 * 1024);
        AtomicLong seen = new AtomicLong();
        ContextOptions recording = suiteOptions().toBuilder().engineDecorator(FaultInjectingEngine.decorator(r -> {
            seen.set(r.op() == Op.PREADV ? r.segment(0).address() : r.buffer().address());
            return null;
        })).build();
        try (IoContext c = IoContext.open(8, recording); AlignedBufferPool pool = AlignedBufferPool.withAlignment(4096, 4096, 1)) {
            IoFile f = c.openFile(p, FileOption.READ);
            MemorySegment auto = Arena.ofAuto().allocate(4096, 4096);
            assertThat(engineAddress(c, f, auto, seen)).as("auto arena").isEqualTo(auto.address());
            MemorySegment direct = MemorySegment.ofBuffer(ByteBuffer.allocateDirect(4096));
            assertThat(engineAddress(c, f, direct, seen)).as("direct ByteBuffer").isEqualTo(direct.address());
            MemorySegment pooled = pool.tryAcquire();
            assertThat(engineAddress(c, f, pooled, seen)).as("AlignedBufferPool buffer").isEqualTo(pooled.address());
            pool.release(pooled);

            MemorySegment shared = arena().allocate(8192, 4096).asSlice(100, 4000);
            long copy = engineAddress(c, f, shared, seen);
            assertThat(copy).as("shared arena").isNotEqualTo(shared.address());
            assertThat(copy & 4095).as("page offset of the copy").isEqualTo(100);
            MemorySegment view = MemorySegment.ofBuffer(arena().allocate(4096, 4096).asByteBuffer());
            assertThat(engineAddress(c, f, view, seen)).as("ByteBuffer view of a shared arena").isNotEqualTo(view.address());

            MemorySegment[] autos = {Arena.ofAuto().allocate(512), Arena.ofAuto().allocate(512)};
            assertThat(readv(c, f, autos, seen)).as("vectored, auto").isEqualTo(autos[0].address());
            MemorySegment[] mixed = {Arena.ofAuto().allocate(512), arena().allocate(512)};
            assertThat(readv(c, f, mixed, seen)).as("vectored, one shared segment").isNotEqualTo(mixed[0].address());
        }
        try (IoContext c = IoContext.open(8, recording.toBuilder().callerKeepsArenasOpen(true).build())) {
            IoFile f = c.openFile(p, FileOption.READ);
            MemorySegment shared = arena().allocate(4096, 4096);
            assertThat(engineAddress(c, f, shared, seen)).as("shared arena, caller keeps it open").isEqualTo(shared.address());
        }
    }

    /** Reads the pattern into {@code b}, checks it, and returns the address the engine was given. */
    private long engineAddress(IoContext c, IoFile f, MemorySegment b, AtomicLong seen) throws InterruptedException {
        seen.set(0);
        assertThat(run(c, new IoRequest().prepRead(f, b, 4096)).result()).isEqualTo(b.byteSize());
        PatternFile.verify(b, 4096);
        return seen.get();
    }

    private long readv(IoContext c, IoFile f, MemorySegment[] bs, AtomicLong seen) throws InterruptedException {
        seen.set(0);
        assertThat(run(c, new IoRequest().prepReadv(f, bs, 0)).result()).isEqualTo(1024);
        PatternFile.verify(bs[0], 0);
        PatternFile.verify(bs[1], 512);
        return seen.get();
    }
}
