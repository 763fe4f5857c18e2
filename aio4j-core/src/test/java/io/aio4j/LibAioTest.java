package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The libaio-shaped facade: results are counts or -errno, never exceptions, for every bad input. */
class LibAioTest {
    private long ctx;

    @BeforeEach
    void setUp() {
        var a = IoContext.availability(Engine.PORTABLE);
        Assumptions.assumeTrue(a.available(), () -> "PORTABLE unavailable: " + a.reason());
        ctx = LibAio.ioSetup(4, ContextTableTest.PORTABLE);
        assertThat(ctx).isPositive();
    }

    @AfterEach
    void tearDown() {
        LibAio.ioDestroy(ctx);
    }

    @Test
    void setupRefusesBadSizes() {
        assertThat(LibAio.ioSetup(0)).isEqualTo(-Errno.EINVAL);
        assertThat(LibAio.ioSetup(-1)).isEqualTo(-Errno.EINVAL);
        assertThat(LibAio.ioSetup(ContextOptions.MAX_ENTRIES + 1)).isEqualTo(-Errno.EINVAL);
        assertThat(LibAio.context(ctx)).isNotNull();
        assertThat(LibAio.context(ctx).capacity()).isEqualTo(4);
    }

    @Test
    void badHandlesAreEinval() {
        IoRequest[] rs = {new IoRequest().prepNop()};
        for (long bad : new long[] {0, -1, Long.MAX_VALUE, Integer.MAX_VALUE}) {
            assertThat(LibAio.context(bad)).isNull();
            assertThat(LibAio.ioSubmit(bad, 1, rs)).isEqualTo(-Errno.EINVAL);
            assertThat(LibAio.ioGetevents(bad, 0, 1, IoEvent.array(1), 0)).isEqualTo(-Errno.EINVAL);
            assertThat(LibAio.ioCancel(bad, rs[0])).isEqualTo(-Errno.EINVAL);
            assertThat(LibAio.ioDestroy(bad)).isEqualTo(-Errno.EINVAL);
        }
        assertThat(rs[0].inFlight()).isFalse();
    }

    @Test
    @Timeout(30)
    void submitGeteventsRoundTrip() {
        IoRequest[] rs = new IoRequest[6];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = new IoRequest().prepNop().userData(i);
        }
        assertThat(LibAio.ioSubmit(ctx, 0, rs)).isZero();
        assertThat(LibAio.ioSubmit(ctx, 6, rs)).as("a partial count when full").isEqualTo(4);
        assertThat(LibAio.ioSubmit(ctx, 1, new IoRequest[] {rs[4]})).as("full: -EAGAIN").isEqualTo(-Errno.EAGAIN);
        IoEvent[] events = IoEvent.array(4);
        int got = 0;
        while (got < 4) {
            int n = LibAio.ioGetevents(ctx, 1, 4, events, TimeUnit.SECONDS.toNanos(10));
            assertThat(n).isPositive();
            got += n;
        }
        assertThat(LibAio.ioGetevents(ctx, 0, 4, events, 0)).isZero();
    }

    @Test
    void badArgumentsAreErrnosNotExceptions() {
        IoRequest ok = new IoRequest().prepNop();
        assertThat(LibAio.ioSubmit(ctx, 2, new IoRequest[] {ok})).as("nr > length").isEqualTo(-Errno.EINVAL);
        assertThat(LibAio.ioSubmit(ctx, -1, new IoRequest[] {ok})).isEqualTo(-Errno.EINVAL);
        assertThat(LibAio.ioSubmit(ctx, 1, null)).isEqualTo(-Errno.EINVAL);
        assertThat(LibAio.ioSubmit(ctx, 1, new IoRequest[1])).as("a null iocb").isEqualTo(-Errno.EFAULT);
        assertThat(LibAio.ioSubmit(ctx, 2, new IoRequest[] {ok, ok})).as("the same iocb twice").isNegative();
        assertThat(ok.inFlight()).isFalse();
        assertThat(LibAio.ioGetevents(ctx, 2, 1, IoEvent.array(2), 0)).as("min > nr").isEqualTo(-Errno.EINVAL);
        assertThat(LibAio.ioGetevents(ctx, 0, 3, IoEvent.array(2), 0)).as("nr > length").isEqualTo(-Errno.EINVAL);
        assertThat(LibAio.ioGetevents(ctx, 0, 1, new IoEvent[1], 0)).as("a null event").isEqualTo(-Errno.EFAULT);
        assertThat(LibAio.ioCancel(ctx, null)).isEqualTo(-Errno.EINVAL);
        assertThat(LibAio.ioCancel(ctx, ok)).as("not in flight").isEqualTo(-Errno.EAGAIN);
    }

    @Test
    void destroyTwiceIsEinvalAndTheHandleIsDeadAfter() {
        long h = LibAio.ioSetup(2, ContextTableTest.PORTABLE);
        IoContext c = LibAio.context(h);
        assertThat(LibAio.ioDestroy(h)).isZero();
        assertThat(c.isOpen()).isFalse();
        assertThat(LibAio.ioDestroy(h)).isEqualTo(-Errno.EINVAL);
        assertThat(LibAio.ioSubmit(h, 1, new IoRequest[] {new IoRequest().prepNop()})).isEqualTo(-Errno.EINVAL);
        assertThat(LibAio.ioGetevents(h, 0, 1, IoEvent.array(1), 0)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    @Timeout(30)
    void anInterruptedWaitIsEintr() {
        Thread.currentThread().interrupt();
        try {
            assertThat(LibAio.ioGetevents(ctx, 1, 1, IoEvent.array(1), -1)).isEqualTo(-Errno.EINTR);
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept").isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
