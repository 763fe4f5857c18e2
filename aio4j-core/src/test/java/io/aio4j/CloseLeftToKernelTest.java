package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.spi.Availability;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A close that has to leave requests to the kernel (io_uring with SINGLE_ISSUER closed by another
 * thread: only the issuer can reach a DEFER_TASKRUN ring's work) keeps their memory allocated,
 * the context's copies of closeable arenas' buffers included, since the kernel may still write
 * there. A close that can wait frees it as usual.
 */
@Timeout(60)
class CloseLeftToKernelTest {
    @TempDir
    Path dir;

    private IoContext openSingleIssuer() throws Exception {
        Availability uring = Engines.availability(Engine.IO_URING);
        Assumptions.assumeTrue(uring.available(), () -> "io_uring is not available here: " + uring.reason());
        return IoContext.open(8, ContextOptions.of(Engine.IO_URING, SetupFlag.SINGLE_ISSUER));
    }

    private Path fifo() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        return fifo;
    }

    @Test
    void anotherThreadsCloseKeepsTheMemoryOfWhatTheKernelStillHas() throws Exception {
        IoContext ctx = openSingleIssuer();
        int keptBefore = IoContext.keptForKernel();
        try (Arena shared = Arena.ofShared()) {
            IoFile f = ctx.openFile(fifo(), FileOption.READ, FileOption.WRITE);
            // a shared arena's buffer goes through a context-owned copy, an automatic one as it is
            IoRequest copied = new IoRequest().prepRead(f, shared.allocate(64), 0).userData(1);
            IoRequest direct = new IoRequest().prepRead(f, Arena.ofAuto().allocate(64), 0).userData(2);
            assertThat(ctx.submit(copied, direct)).isEqualTo(2); // parked: nothing to read yet
            CompletableFuture.runAsync(ctx::close).get(20, TimeUnit.SECONDS);
            IoEvent[] ev = IoEvent.array(2);
            assertThat(ctx.getEvents(2, ev, 1, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(ev[0].result()).isEqualTo(-Errno.ECANCELED);
            assertThat(ev[1].result()).isEqualTo(-Errno.ECANCELED);
        }
        assertThat(IoContext.keptForKernel()).as("the close's copies and buffers kept").isEqualTo(keptBefore + 1);
    }

    @Test
    void theIssuersOwnCloseWaitsAndKeepsNothing() throws Exception {
        IoContext ctx = openSingleIssuer();
        int keptBefore = IoContext.keptForKernel();
        try (Arena shared = Arena.ofShared()) {
            IoFile f = ctx.openFile(fifo(), FileOption.READ, FileOption.WRITE);
            assertThat(ctx.submit(new IoRequest().prepRead(f, shared.allocate(64), 0).userData(1))).isEqualTo(1);
            ctx.close(); // the issuer: its close cancels the parked read and waits for it
            IoEvent[] ev = IoEvent.array(1);
            assertThat(ctx.getEvents(1, ev, 1, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ev[0].result()).isEqualTo(-Errno.ECANCELED);
        }
        assertThat(IoContext.keptForKernel()).isEqualTo(keptBefore);
    }
}
