package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.LinkFlags;
import io.aio4j.RwFlags;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Per-request flags: RWF_* and the ordering flags of {@link LinkFlags}, whose contract every
 * engine honours (natively or emulated): a LINK chain runs in order and a failure (a short read
 * included) cancels its rest, HARDLINK goes on, DRAIN waits for what was submitted before it.
 */
public interface FlagCases extends ConformanceFixture {
    @Test
    default void nowaitReadOfCachedDataSucceeds() throws Exception {
        IoFile f = openPattern(64 * 1024); // just written, so in the page cache
        MemorySegment warm = buffer(64 * 1024);
        assertThat(result(new IoRequest().prepRead(f, warm, 0))).isEqualTo(64 * 1024);
        MemorySegment buf = buffer(8192);
        assertThat(result(new IoRequest().prepRead(f, buf, 4096).rwFlags(RwFlags.RWF_NOWAIT))).isEqualTo(8192);
        PatternFile.verify(buf, 4096);
    }

    @Test
    default void appendWriteGoesToTheEndWhateverItsOffset() throws Exception {
        Path p = pattern("append.bin", 10_000);
        IoFile f = ctx().openFile(p, FileOption.READ, FileOption.WRITE);
        MemorySegment out = buffer(1000);
        PatternFile.fill(out, 10_000);
        assertThat(result(new IoRequest().prepWrite(f, out, 0).rwFlags(RwFlags.RWF_APPEND))).isEqualTo(1000);
        assertThat(f.size()).as("RWF_APPEND ignores the offset and appends").isEqualTo(11_000);
        PatternFile.verify(MemorySegment.ofArray(Files.readAllBytes(p)), 0);
    }

    @Test
    default void dsyncWriteIsDurableAndCompletes() throws Exception {
        Path p = dir().resolve("dsync.bin");
        IoFile f = ctx().openFile(p, FileOption.WRITE, FileOption.CREATE);
        MemorySegment out = buffer(4096);
        PatternFile.fill(out, 0);
        assertThat(result(new IoRequest().prepWrite(f, out, 0).rwFlags(RwFlags.RWF_DSYNC))).isEqualTo(4096);
        assertThat(result(new IoRequest().prepWrite(f, out, 0).rwFlags(RwFlags.RWF_SYNC))).isEqualTo(4096);
        PatternFile.verify(MemorySegment.ofArray(Files.readAllBytes(p)), 0);
    }

    @Test
    default void aLinkedWriteThenReadOfTheSameRangeReadsTheWrite() throws Exception {
        IoFile f = ctx().openFile(pattern("link.bin", 64 * 1024), FileOption.READ, FileOption.WRITE);
        for (int round = 0; round < 20; round++) {
            long off = 4096L * (round % 16);
            MemorySegment out = buffer(4096);
            PatternFile.fill(out, (1 << 20) + 4096L * round); // differs from what the file holds there
            MemorySegment in = buffer(4096);
            IoRequest write = new IoRequest().prepWrite(f, out, off).userData(0).linkFlags(LinkFlags.LINK);
            IoRequest read = new IoRequest().prepRead(f, in, off).userData(1);
            for (IoEvent e : submitAndReap(ctx(), write, read)) {
                assertThat(e.result()).as("round %d request %d", round, e.userData()).isEqualTo(4096);
            }
            PatternFile.verify(in, (1 << 20) + 4096L * round);
        }
    }

    @Test
    default void aDrainedReadSeesEveryWriteSubmittedBeforeIt() throws Exception {
        IoFile f = ctx().openFile(dir().resolve("drain.bin"), FileOption.READ, FileOption.WRITE, FileOption.CREATE);
        IoRequest[] rs = new IoRequest[9];
        for (int i = 0; i < 8; i++) {
            MemorySegment out = buffer(8192);
            PatternFile.fill(out, 8192L * i);
            rs[i] = new IoRequest().prepWrite(f, out, 8192L * i).userData(i);
        }
        MemorySegment in = buffer(8 * 8192);
        rs[8] = new IoRequest().prepRead(f, in, 0).userData(8).linkFlags(LinkFlags.DRAIN);
        for (IoEvent e : submitAndReap(ctx(), rs)) {
            assertThat(e.result()).as("request %d", e.userData()).isEqualTo(8192L * (e.userData() == 8 ? 8 : 1));
        }
        PatternFile.verify(in, 0);
    }

    @Test
    default void aShortReadBreaksItsLinkChain() throws Exception {
        IoFile f = ctx().openFile(pattern("short.bin", 1000), FileOption.READ, FileOption.WRITE);
        IoRequest read = new IoRequest().prepRead(f, buffer(4096), 0).userData(0).linkFlags(LinkFlags.LINK);
        IoRequest write = new IoRequest().prepWrite(f, buffer(4096), 0).userData(1);
        long[] results = results(submitAndReap(ctx(), read, write));
        assertThat(results[0]).as("short read").isEqualTo(1000);
        assertThat(results[1]).as("the rest of the chain").isEqualTo(-Errno.ECANCELED);
        assertThat(f.size()).isEqualTo(1000);
    }

    // Regression: the core once completed a request that failed validation on its own and handed
    // the requests linked after it to the engine as a separate run, so the chain went on.
    @Test
    default void aRequestFailingValidationBreaksItsLinkChain() throws Exception {
        Path p = pattern("chain.bin", 8192);
        IoFile wo = ctx().openFile(p, FileOption.WRITE);
        IoRequest read = new IoRequest().prepRead(wo, buffer(4096), 0).userData(0).linkFlags(LinkFlags.LINK);
        IoRequest write = new IoRequest().prepWrite(wo, buffer(4096), 0).userData(1);
        long[] results = results(submitAndReap(ctx(), read, write));
        assertThat(results[0]).isEqualTo(-Errno.EBADF);
        assertThat(results[1]).as("the rest of the chain").isEqualTo(-Errno.ECANCELED);
        PatternFile.verify(MemorySegment.ofArray(Files.readAllBytes(p)), 0);
    }

    @Test
    default void aHardlinkChainGoesOnAfterAFailure() throws Exception {
        IoFile f = ctx().openFile(pattern("hard.bin", 1000), FileOption.READ, FileOption.WRITE);
        MemorySegment out = buffer(100);
        PatternFile.fill(out, 0);
        IoRequest read = new IoRequest().prepRead(f, buffer(4096), 0).userData(0).linkFlags(LinkFlags.HARDLINK);
        IoRequest write = new IoRequest().prepWrite(f, out, 0).userData(1);
        long[] results = results(submitAndReap(ctx(), read, write));
        assertThat(results).containsExactly(1000, 100);
    }

    private static long[] results(IoEvent... events) {
        IoEvent[] by = ConformanceFixture.byUserData(events.length, events);
        long[] r = new long[by.length];
        for (int i = 0; i < by.length; i++) {
            r[i] = by[i].result();
        }
        return r;
    }
}
