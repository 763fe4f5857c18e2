package io.aio4j.linux.uring;

import static io.aio4j.linux.uring.UringTestSupport.assumeUring;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Buffered writes to a file on a device run on the submitting thread while they are fast (WriteGate), unless turned off. */
@Timeout(30)
class UringAdaptiveWritesTest {
    @TempDir
    Path dir;

    /** Writes 4 KiB of {@code fill} at 0 and returns how many events were there as submit returned. */
    private int writeAndCount(Path p, byte fill) throws Exception {
        assumeUring();
        int atOnce;
        try (IoContext ctx = IoContext.open(8, ContextOptions.of(Engine.IO_URING)); Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE, FileOption.CREATE);
            Assumptions.assumeFalse(f.isMemoryBacked(), "the temp directory is in memory, where every buffered write runs inline: " + dir);
            MemorySegment src = arena.allocate(4096);
            src.fill(fill);
            assertThat(ctx.submit(new IoRequest().prepWrite(f, src, 0))).isEqualTo(1);
            IoEvent[] ev = IoEvent.array(1);
            atOnce = ctx.getEvents(0, ev, 0, TimeUnit.SECONDS);
            if (atOnce == 0) {
                assertThat(ctx.getEvents(1, ev, 10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(ev[0].result()).isEqualTo(4096);
        }
        assertThat(Files.readAllBytes(p)).hasSize(4096).containsOnly(fill);
        return atOnce;
    }

    @Test
    void theFirstBufferedWriteCompletesDuringSubmit() throws Exception {
        assertThat(writeAndCount(dir.resolve("a"), (byte) 3)).as("run on the submitting thread").isEqualTo(1);
    }

    @Test
    void turnedOffTheWriteGoesThroughTheRingAndStillLands() throws Exception {
        System.setProperty(UringContext.ADAPTIVE_WRITES, "false");
        try {
            writeAndCount(dir.resolve("b"), (byte) 4);
        } finally {
            System.clearProperty(UringContext.ADAPTIVE_WRITES);
        }
    }
}
