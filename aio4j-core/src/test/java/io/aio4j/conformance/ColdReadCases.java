package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Errno;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.RwFlags;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Buffered reads of data that is not in the page cache: the reads that block, which engines hand
 * to a worker or the kernel (SQ_WORKQUEUE tries RWF_NOWAIT first, then punts what is left).
 */
public interface ColdReadCases extends ConformanceFixture {
    /** A pattern file of {@code size} bytes dropped from the page cache, opened read-only on {@link #ctx()}. */
    private IoFile cold(String name, long size) throws Exception {
        Path p = pattern(name, size);
        Assumptions.assumeTrue(PatternFile.evict(p), "cannot drop a file from the page cache here");
        return ctx().openFile(p);
    }

    @Test
    default void coldReadsReturnThePattern() throws Exception {
        IoFile f = cold("cold.bin", 4 << 20);
        IoRequest[] rs = new IoRequest[CAPACITY];
        for (int i = 0; i < rs.length; i++) {
            long off = (i * 65_537L) % ((4 << 20) - 16_384); // spread and unaligned
            rs[i] = new IoRequest().prepRead(f, buffer(16_384), off).userData(i);
        }
        for (IoEvent e : submitAndReap(ctx(), rs)) {
            assertThat(e.result()).as("request %d", e.userData()).isEqualTo(16_384);
            PatternFile.verify(e.request().buffer(), e.request().offset());
        }
    }

    @Test
    default void coldHeapAndVectoredReadsReturnThePattern() throws Exception {
        IoFile f = cold("coldv.bin", 2 << 20);
        byte[] heap = new byte[300_000];
        MemorySegment[] segs = {buffer(5000), MemorySegment.ofArray(new byte[70_000]), buffer(100_000)};
        IoRequest a = new IoRequest().prepRead(f, MemorySegment.ofArray(heap), 1_000_001).userData(0);
        IoRequest b = new IoRequest().prepReadv(f, segs, 7).userData(1);
        for (IoEvent e : submitAndReap(ctx(), a, b)) {
            assertThat(e.result()).isEqualTo(e.userData() == 0 ? 300_000 : 175_000);
        }
        PatternFile.verify(MemorySegment.ofArray(heap), 1_000_001);
        PatternFile.verify(segs[0], 7);
        PatternFile.verify(segs[1], 5007);
        PatternFile.verify(segs[2], 75_007);
    }

    @Test
    default void aNowaitReadOfColdDataIsEagainOrTheData() throws Exception {
        IoFile f = cold("coldnw.bin", 4 << 20);
        MemorySegment buf = buffer(65_536);
        long r = result(new IoRequest().prepRead(f, buf, 512 * 1024).rwFlags(RwFlags.RWF_NOWAIT));
        if (r == -Errno.EAGAIN) {
            return; // the kernel's answer for a read that would block
        }
        assertThat(r).as("a NOWAIT read that did not block").isBetween(1L, 65_536L);
        PatternFile.verify(buf, 512 * 1024, r);
    }
}
