package io.aio4j.buffers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.SetupFlag;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class AlignedBufferPoolTest {
    @TempDir
    Path dir;

    @Test
    void buffersAreAlignedDistinctAndReused() throws Exception {
        try (AlignedBufferPool pool = AlignedBufferPool.withAlignment(3000, 5000, 4)) {
            assertThat(pool.alignment()).isEqualTo(4096);
            assertThat(pool.bufferSize()).isEqualTo(8192);
            Set<Long> addresses = new HashSet<>();
            MemorySegment[] got = new MemorySegment[4];
            for (int i = 0; i < 4; i++) {
                got[i] = pool.tryAcquire();
                assertThat(got[i].address() % 4096).isZero();
                assertThat(got[i].byteSize()).isEqualTo(8192);
                addresses.add(got[i].address());
            }
            assertThat(addresses).hasSize(4);
            assertThat(pool.tryAcquire()).isNull();
            assertThat(pool.outstanding()).isEqualTo(4);
            assertThatThrownBy(pool::close).isInstanceOf(IllegalStateException.class);
            pool.release(got[2]);
            assertThat(pool.tryAcquire().address()).isEqualTo(got[2].address());
            assertThatThrownBy(() -> pool.release(got[1].asSlice(8))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> pool.release(MemorySegment.ofArray(new byte[8192]))).isInstanceOf(IllegalArgumentException.class);
            for (MemorySegment m : got) {
                pool.release(m);
            }
            assertThat(pool.bufIndex()).isEqualTo(-1);
        }
    }

    @Test
    void concurrentAcquireAndReleaseNeverHandOutABufferTwice() throws Exception {
        try (AlignedBufferPool pool = AlignedBufferPool.withAlignment(512, 512, 8)) {
            AtomicInteger bad = new AtomicInteger();
            Thread[] ts = new Thread[4];
            for (int t = 0; t < ts.length; t++) {
                byte mark = (byte) (t + 1);
                ts[t] = Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        MemorySegment b = pool.tryAcquire();
                        if (b == null) {
                            continue;
                        }
                        b.set(ValueLayout.JAVA_BYTE, 0, mark);
                        Thread.onSpinWait();
                        if (b.get(ValueLayout.JAVA_BYTE, 0) != mark) {
                            bad.incrementAndGet(); // someone else holds it too
                        }
                        pool.release(b);
                    }
                });
            }
            for (Thread t : ts) {
                t.join();
            }
            assertThat(bad).hasValue(0);
            assertThat(pool.outstanding()).isZero();
        }
    }

    @Test
    void directReadsIntoPooledBuffersWithTheFilesAlignment() throws Exception {
        Path p = dir.resolve("f");
        byte[] data = new byte[1 << 16];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        Files.write(p, data);
        try (IoContext ctx = IoContext.open(8, ContextOptions.of(Engine.AUTO))) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.DIRECT);
            try (AlignedBufferPool pool = AlignedBufferPool.forFile(f, 4096, 2)) {
                assertThat(pool.alignment()).isGreaterThanOrEqualTo(f.alignment());
                MemorySegment b = pool.tryAcquire();
                IoRequest r = new IoRequest().prepRead(f, b, 8192);
                assertThat(ctx.submit(r)).isEqualTo(1);
                IoEvent[] ev = IoEvent.array(1);
                assertThat(ctx.getEvents(1, ev, 10, TimeUnit.SECONDS)).isEqualTo(1);
                assertThat(ev[0].result()).isEqualTo(4096);
                assertThat(b.get(ValueLayout.JAVA_BYTE, 5)).isEqualTo(data[8192 + 5]);
                pool.release(b);
            }
        }
    }

    @Test
    void registeredWithAFixedBuffersContextForReadFixed() throws Exception {
        var a = IoContext.availability(Engine.AUTO);
        Assumptions.assumeTrue(a.available(), a.reason());
        Path p = dir.resolve("f");
        Files.write(p, "0123456789".repeat(1000).getBytes());
        IoContext ctx = IoContext.open(8, ContextOptions.of(Engine.AUTO, SetupFlag.FIXED_BUFFERS));
        AlignedBufferPool pool;
        try {
            IoFile f = ctx.openFile(p, FileOption.READ);
            pool = AlignedBufferPool.forFile(f, 4096, 4);
            assertThat(pool.bufIndex()).isZero();
            assertThat(ctx.registeredBuffers()).hasSize(1);
            MemorySegment b = pool.tryAcquire();
            IoRequest r = new IoRequest().prepReadFixed(f, b.asSlice(0, 100), pool.bufIndex(), 3);
            ctx.submit(r);
            IoEvent[] ev = IoEvent.array(1);
            assertThat(ctx.getEvents(1, ev, 10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ev[0].result()).isEqualTo(100);
            assertThat(b.get(ValueLayout.JAVA_BYTE, 0)).isEqualTo((byte) '3');
            pool.release(b);
            assertThatThrownBy(pool::close).isInstanceOf(IllegalStateException.class); // context still open
        } finally {
            ctx.close();
        }
        pool.close();
    }
}
