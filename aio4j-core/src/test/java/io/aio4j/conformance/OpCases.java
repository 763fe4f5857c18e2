package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.Op;
import io.aio4j.SetupFlag;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each op does what it says: results and data checked against pattern files. */
public interface OpCases extends ConformanceFixture {
    @Test
    default void preadReturnsTheBytesAtItsOffset() throws Exception {
        IoFile f = openPattern(64 * 1024);
        MemorySegment buf = buffer(4096);
        IoEvent e = run(ctx(), new IoRequest().prepRead(f, buf, 8192).userData(7));
        assertThat(e.result()).isEqualTo(4096);
        assertThat(e.userData()).isEqualTo(7);
        PatternFile.verify(buf, 8192);
    }

    @Test
    default void preadAtAnOddOffsetAndLength() throws Exception {
        IoFile f = openPattern(64 * 1024);
        MemorySegment buf = buffer(1001);
        assertThat(result(new IoRequest().prepRead(f, buf, 999, 12_345))).isEqualTo(999);
        PatternFile.verify(buf, 12_345, 999);
        assertThat(buf.get(ValueLayout.JAVA_BYTE, 999)).as("byte past the length").isZero();
    }

    @Test
    default void preadOfOneMebibyte() throws Exception {
        IoFile f = openPattern(2 << 20);
        MemorySegment buf = buffer(1 << 20);
        assertThat(result(new IoRequest().prepRead(f, buf, 1 << 19))).isEqualTo(1 << 20);
        PatternFile.verify(buf, 1 << 19);
    }

    @Test
    default void pwriteWritesAtItsOffset() throws Exception {
        Path p = dir().resolve("w.bin");
        IoFile f = ctx().openFile(p, FileOption.WRITE, FileOption.CREATE);
        MemorySegment buf = buffer(4096);
        PatternFile.fill(buf, 4096);
        IoEvent e = run(ctx(), new IoRequest().prepWrite(f, buf, 4096));
        assertThat(e.result()).isEqualTo(4096);
        byte[] disk = Files.readAllBytes(p);
        assertThat(disk).hasSize(8192);
        assertThat(Arrays.copyOfRange(disk, 0, 4096)).as("the hole before the write").containsOnly(0);
        PatternFile.verify(MemorySegment.ofArray(disk).asSlice(4096), 4096);
    }

    @Test
    default void pwriteThenPreadRoundTrip() throws Exception {
        IoFile f = ctx().openFile(dir().resolve("rt.bin"), FileOption.READ, FileOption.WRITE, FileOption.CREATE);
        MemorySegment out = buffer(3000);
        PatternFile.fill(out, 777);
        assertThat(result(new IoRequest().prepWrite(f, out, 777))).isEqualTo(3000);
        MemorySegment in = buffer(3000);
        assertThat(result(new IoRequest().prepRead(f, in, 777))).isEqualTo(3000);
        PatternFile.verify(in, 777);
        assertThat(f.size()).isEqualTo(3777);
    }

    @Test
    default void preadvFillsItsSegmentsInOrder() throws Exception {
        IoFile f = openPattern(64 * 1024);
        MemorySegment[] segs = {buffer(100), buffer(4096), buffer(3)};
        assertThat(result(new IoRequest().prepReadv(f, segs, 500))).isEqualTo(4199);
        PatternFile.verify(segs[0], 500);
        PatternFile.verify(segs[1], 600);
        PatternFile.verify(segs[2], 4696);
    }

    @Test
    default void pwritevWritesItsSegmentsInOrder() throws Exception {
        Path p = dir().resolve("wv.bin");
        IoFile f = ctx().openFile(p, FileOption.WRITE, FileOption.CREATE);
        MemorySegment[] segs = {buffer(10), buffer(8192), buffer(1)};
        PatternFile.fill(segs[0], 0);
        PatternFile.fill(segs[1], 10);
        PatternFile.fill(segs[2], 8202);
        assertThat(result(new IoRequest().prepWritev(f, segs, 0))).isEqualTo(8203);
        PatternFile.verify(MemorySegment.ofArray(Files.readAllBytes(p)), 0, 8203);
        assertThat(Files.size(p)).isEqualTo(8203);
    }

    @Test
    default void fsyncAndFdatasyncCompleteWithZero() throws Exception {
        IoFile f = ctx().openFile(dir().resolve("s.bin"), FileOption.WRITE, FileOption.CREATE);
        MemorySegment buf = buffer(4096);
        assertThat(result(new IoRequest().prepWrite(f, buf, 0))).isEqualTo(4096);
        IoRequest fsync = new IoRequest().prepFsync(f);
        assertThat(fsync.op()).isEqualTo(Op.FSYNC);
        assertThat(result(fsync)).isZero();
        IoRequest fdsync = new IoRequest().prepFdatasync(f);
        assertThat(fdsync.op()).isEqualTo(Op.FDSYNC);
        assertThat(result(fdsync)).isZero();
    }

    @Test
    default void fsyncOnAReadOnlyFileSucceeds() throws Exception {
        IoFile f = openPattern(4096);
        assertThat(result(new IoRequest().prepFsync(f))).as("fsync(2) works on an O_RDONLY descriptor").isZero();
    }

    @Test
    default void noopCompletesWithZero() throws Exception {
        IoRequest[] nops = new IoRequest[16];
        for (int i = 0; i < nops.length; i++) {
            nops[i] = new IoRequest().prepNop().userData(i);
        }
        IoEvent[] events = ConformanceFixture.byUserData(nops.length, submitAndReap(ctx(), nops));
        for (int i = 0; i < nops.length; i++) {
            assertThat(events[i].result()).isZero();
            assertThat(events[i].request()).isSameAs(nops[i]);
        }
        assertDrained(ctx());
    }

    @Test
    default void fallocateExtendsTheFile() throws Exception {
        IoFile f = ctx().openFile(dir().resolve("fa.bin"), FileOption.WRITE, FileOption.CREATE);
        assertThat(result(new IoRequest().prepFallocate(f, 0, 4096, 1 << 20))).isZero();
        assertThat(f.size()).isEqualTo(4096 + (1 << 20));
    }

    @Test
    default void fallocateOfZeroLengthIsEinval() throws Exception {
        IoFile f = ctx().openFile(dir().resolve("fa0.bin"), FileOption.WRITE, FileOption.CREATE);
        assertThat(result(new IoRequest().prepFallocate(f, 0, 0, 0))).isEqualTo(-Errno.EINVAL);
        assertThat(f.size()).isZero();
    }

    @Test
    default void fixedBuffersReadAndWrite() throws Exception {
        IoContext c = open(8, SetupFlag.FIXED_BUFFERS);
        MemorySegment reg = buffer(64 * 1024);
        c.registerBuffers(reg);
        assertThat(c.registeredBuffers()).containsExactly(reg);
        Path p = pattern("fixed.bin", 64 * 1024);
        IoFile f = c.openFile(p, FileOption.READ, FileOption.WRITE);

        MemorySegment slice = reg.asSlice(4096, 8192);
        IoRequest read = new IoRequest().prepReadFixed(f, slice, 0, 16_384);
        assertThat(read.op()).isEqualTo(Op.READ_FIXED);
        assertThat(run(c, read).result()).isEqualTo(8192);
        PatternFile.verify(slice, 16_384);

        // write the pattern of offset 16384 at offset 0, then read it back through the same registration
        IoRequest write = new IoRequest().prepWriteFixed(f, slice, 0, 0);
        assertThat(write.op()).isEqualTo(Op.WRITE_FIXED);
        assertThat(run(c, write).result()).isEqualTo(8192);
        MemorySegment back = reg.asSlice(32 * 1024, 8192);
        assertThat(run(c, new IoRequest().prepReadFixed(f, back, 0, 0)).result()).isEqualTo(8192);
        PatternFile.verify(back, 16_384);
    }

    @Test
    default void fixedBufferOutsideItsRegistrationIsEfault() throws Exception {
        IoContext c = open(8, SetupFlag.FIXED_BUFFERS);
        MemorySegment reg = buffer(8192);
        c.registerBuffers(reg);
        IoFile f = c.openFile(pattern("fixed.bin", 64 * 1024));
        MemorySegment elsewhere = buffer(4096);
        assertThat(run(c, new IoRequest().prepReadFixed(f, elsewhere, 0, 0)).result()).isEqualTo(-Errno.EFAULT);
        assertThat(run(c, new IoRequest().prepReadFixed(f, reg, 1, 0)).result()).as("bad index").isEqualTo(-Errno.EFAULT);
        assertThat(run(c, new IoRequest().prepReadFixed(f, reg, 0, 0)).result()).as("still usable").isEqualTo(8192);
    }

    @Test
    default void offsetsBeyond4GiBAreNotTruncated() throws Exception {
        IoFile f = ctx().openFile(dir().resolve("far.bin"), FileOption.READ, FileOption.WRITE, FileOption.CREATE);
        long far = (5L << 30) + 8; // past 2^32: a 32-bit offset anywhere would land elsewhere
        MemorySegment out = buffer(4096);
        PatternFile.fill(out, far);
        assertThat(result(new IoRequest().prepWrite(f, out, far))).isEqualTo(4096);
        assertThat(f.size()).isEqualTo(far + 4096);
        MemorySegment in = buffer(4096);
        assertThat(result(new IoRequest().prepRead(f, in, far))).isEqualTo(4096);
        PatternFile.verify(in, far);
        MemorySegment low = buffer(4096);
        assertThat(result(new IoRequest().prepRead(f, low, far & 0xffff_ffffL))).as("the same offset mod 2^32")
                .isEqualTo(4096);
        assertThat(low.toArray(ValueLayout.JAVA_BYTE)).as("a hole there").containsOnly(0);
    }
}
