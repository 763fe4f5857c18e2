package io.aio4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.ContextClosedException;
import io.aio4j.ContextOptions;
import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.LibAio;
import io.aio4j.SetupFlag;
import io.aio4j.spi.FaultInjectingEngine;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cases of docs/bad-input.md, by row id. Each runs against a fresh {@link BadInputFixture}
 * and asserts the row's outcome; {@link BadInputTest} then checks that the context still works.
 */
final class BadInputCases {
    /** One case. */
    @FunctionalInterface
    interface Case {
        void run(BadInputFixture x) throws Exception;
    }

    private BadInputCases() {
    }

    static Map<String, Case> all() {
        Map<String, Case> c = new LinkedHashMap<>();
        c.put("B01", x -> assertThatThrownBy(() -> IoContext.open(0, x.engine.options())).isInstanceOf(IllegalArgumentException.class));
        c.put("B02", x -> assertThatThrownBy(() -> IoContext.open(32769, x.engine.options())).isInstanceOf(IllegalArgumentException.class));
        c.put("B03", x -> assertThatThrownBy(() -> IoContext.open(8, null)).isInstanceOf(NullPointerException.class));
        c.put("B04", x -> assertThatThrownBy(() -> ContextOptions.builder().cqEntries(-1)).isInstanceOf(IllegalArgumentException.class));
        c.put("B05", x -> assertThatThrownBy(() -> IoContext.open(16, x.engine.options().toBuilder().cqEntries(8).build()))
                .isInstanceOf(IllegalArgumentException.class));
        c.put("B06", x -> assertThatThrownBy(() -> ContextOptions.builder().flags(SetupFlag.SQ_THREAD, SetupFlag.SQ_WORKQUEUE).build())
                .isInstanceOf(IllegalArgumentException.class));
        c.put("B07", x -> assertThatThrownBy(() -> ContextOptions.builder().engine(null)).isInstanceOf(IllegalArgumentException.class));
        c.put("B08", x -> assertThatThrownBy(() -> ContextOptions.builder().workers(1025)).isInstanceOf(IllegalArgumentException.class));
        c.put("B09", x -> assertThatThrownBy(() -> ContextOptions.builder().sqThreadIdleMillis(0)).isInstanceOf(IllegalArgumentException.class));
        c.put("B10", x -> assertThatThrownBy(() -> ContextOptions.builder().flags((SetupFlag[]) null)).isInstanceOf(IllegalArgumentException.class));
        c.put("B11", x -> assertThatThrownBy(() -> ContextOptions.builder().engineDecorator(null)).isInstanceOf(IllegalArgumentException.class));
        c.put("B12", x -> assertThatThrownBy(() -> IoContext.availability(null)).isInstanceOf(NullPointerException.class));
        c.put("B13", x -> assertThatThrownBy(() -> x.ctx.openFile(null)).isInstanceOf(NullPointerException.class));
        c.put("B14", x -> assertThatThrownBy(() -> x.ctx.openFile(x.path, FileOption.READ, null)).isInstanceOf(NullPointerException.class));
        c.put("B15", x -> assertThatThrownBy(() -> x.ctx.openFile(x.dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class));
        c.put("B16", x -> assertThatThrownBy(() -> x.ctx.openFile(x.path, FileOption.CREATE_NEW, FileOption.WRITE))
                .isInstanceOf(FileAlreadyExistsException.class));
        c.put("B17", x -> assertThatThrownBy(() -> x.ctx.openFile(x.path, FileOption.READ, FileOption.TRUNCATE_EXISTING))
                .isInstanceOf(IllegalArgumentException.class));
        c.put("B18", x -> {
            Path sub = Files.createDirectory(x.dir.resolve("sub"));
            assertThatThrownBy(() -> x.ctx.openFile(sub, FileOption.WRITE)).isInstanceOf(FileSystemException.class);
        });
        c.put("B19", x -> {
            x.ctx.close();
            assertThatThrownBy(() -> x.ctx.openFile(x.path)).isInstanceOf(ContextClosedException.class);
        });
        c.put("B20", x -> assertThatThrownBy(() -> new IoRequest().prepRead(null, x.buf, 0)).isInstanceOf(NullPointerException.class));
        c.put("B21", x -> assertThatThrownBy(() -> new IoRequest().prepRead(x.f, (MemorySegment) null, 0)).isInstanceOf(NullPointerException.class));
        c.put("B22", x -> assertThatThrownBy(() -> new IoRequest().prepRead(x.f, x.buf.asReadOnly(), 0)).isInstanceOf(IllegalArgumentException.class));
        c.put("B23", x -> assertThatThrownBy(() -> new IoRequest().prepRead(x.f, ByteBuffer.allocate(8).asReadOnlyBuffer(), 0))
                .isInstanceOf(IllegalArgumentException.class));
        c.put("B24", x -> assertThatThrownBy(() -> new IoRequest().prepRead(x.f, x.buf, -1, 0)).isInstanceOf(IllegalArgumentException.class));
        c.put("B25", x -> assertThatThrownBy(() -> new IoRequest().prepRead(x.f, x.buf, x.buf.byteSize() + 1, 0))
                .isInstanceOf(IllegalArgumentException.class));
        c.put("B26", x -> assertThatThrownBy(() -> new IoRequest().prepWrite(x.f, x.buf, Long.MAX_VALUE, 0))
                .isInstanceOf(IllegalArgumentException.class));
        c.put("B27", x -> {
            MemorySegment[] many = new MemorySegment[IoRequest.IOV_MAX + 1];
            java.util.Arrays.fill(many, x.buf.asSlice(0, 8));
            assertThatThrownBy(() -> new IoRequest().prepReadv(x.f, many, 0)).isInstanceOf(IllegalArgumentException.class);
        });
        c.put("B28", x -> assertThatThrownBy(() -> new IoRequest().prepReadv(x.f, new MemorySegment[] {x.buf}, -1, 0))
                .isInstanceOf(IllegalArgumentException.class));
        c.put("B29", x -> assertThatThrownBy(() -> new IoRequest().prepWritev(x.f, new MemorySegment[] {x.buf}, 2, 0))
                .isInstanceOf(IllegalArgumentException.class));
        c.put("B30", x -> assertThatThrownBy(() -> new IoRequest().prepReadv(x.f, new MemorySegment[] {x.buf, null}, 0))
                .isInstanceOf(NullPointerException.class));
        c.put("B31", x -> assertThatThrownBy(() -> new IoRequest().prepReadv(x.f, new MemorySegment[] {x.buf.asReadOnly()}, 0))
                .isInstanceOf(IllegalArgumentException.class));
        c.put("B32", x -> assertThatThrownBy(() -> new IoRequest().rwFlags(0x100)).isInstanceOf(IllegalArgumentException.class));
        c.put("B33", x -> assertThatThrownBy(() -> new IoRequest().linkFlags(0x1)).isInstanceOf(IllegalArgumentException.class));
        c.put("B34", x -> {
            IoRequest r = new IoRequest().prepNop();
            x.ctx.submit(r); // in flight until reaped, on every engine
            assertThatThrownBy(r::prepNop).isInstanceOf(IllegalStateException.class);
        });
        c.put("B35", x -> {
            IoRequest r = new IoRequest().prepNop();
            x.ctx.submit(r);
            assertThatThrownBy(() -> r.userData(1)).isInstanceOf(IllegalStateException.class);
        });
        c.put("B36", x -> assertThatThrownBy(() -> x.ctx.submit((IoRequest) null)).isInstanceOf(NullPointerException.class));
        c.put("B37", x -> {
            IoRequest ok = new IoRequest().prepNop();
            assertThatThrownBy(() -> x.ctx.submit(ok, null)).isInstanceOf(NullPointerException.class);
            assertThat(ok.inFlight()).isFalse();
            assertThat(x.ctx.inFlight()).isZero();
        });
        c.put("B38", x -> assertThatThrownBy(() -> x.ctx.submit(new IoRequest[] {new IoRequest()}, -1, 1))
                .isInstanceOf(IndexOutOfBoundsException.class));
        c.put("B39", x -> assertThatThrownBy(() -> x.ctx.submit(new IoRequest[] {new IoRequest()}, 0, 2))
                .isInstanceOf(IndexOutOfBoundsException.class));
        c.put("B40", x -> {
            IoRequest r = new IoRequest().prepNop();
            assertThatThrownBy(() -> x.ctx.submit(r, r)).isInstanceOf(IllegalStateException.class);
            assertThat(r.inFlight()).isFalse();
            assertThat(x.ctx.inFlight()).isZero();
        });
        c.put("B41", x -> {
            IoRequest r = new IoRequest().prepNop();
            x.ctx.submit(r);
            assertThatThrownBy(() -> x.ctx.submit(r)).isInstanceOf(IllegalStateException.class);
        });
        c.put("B42", x -> {
            try (IoContext other = x.other()) {
                IoFile of = other.openFile(x.path);
                assertThatThrownBy(() -> x.ctx.submit(new IoRequest().prepRead(of, x.buf, 0))).isInstanceOf(IllegalArgumentException.class);
            }
        });
        c.put("B43", x -> {
            try (IoContext other = x.other()) {
                IoRequest r = new IoRequest().prepNop();
                other.submit(r);
                assertThatThrownBy(() -> x.ctx.submit(r)).isInstanceOf(IllegalStateException.class).hasMessageContaining("another context");
                IoEvent[] ev = IoEvent.array(1);
                Reap.exactly(other, ev, 1, 30);
            }
        });
        c.put("B44", x -> {
            x.ctx.close();
            assertThatThrownBy(() -> x.ctx.submit(new IoRequest().prepNop())).isInstanceOf(ContextClosedException.class);
        });
        c.put("B45", x -> assertThat(x.result(new IoRequest().prepRead(x.f, x.buf, -1))).isEqualTo(-Errno.EINVAL));
        c.put("B46", x -> assertThat(x.result(new IoRequest().prepRead(x.f, x.buf, Long.MAX_VALUE))).isEqualTo(-Errno.EINVAL));
        c.put("B47", x -> assertThat(x.result(new IoRequest().prepRead(x.wo, x.buf, 0))).isEqualTo(-Errno.EBADF));
        c.put("B48", x -> assertThat(x.result(new IoRequest().prepWrite(x.ro, x.buf, 0))).isEqualTo(-Errno.EBADF));
        c.put("B49", x -> {
            x.ro.close();
            assertThat(x.result(new IoRequest().prepRead(x.ro, x.buf, 0))).isEqualTo(-Errno.EBADF);
        });
        c.put("B50", x -> {
            x.wo.close();
            assertThat(x.result(new IoRequest().prepFsync(x.wo))).isEqualTo(-Errno.EBADF);
        });
        c.put("B51", x -> {
            MemorySegment odd = x.buf.asSlice(x.d.alignment() + 1, x.d.alignment());
            long res = x.result(new IoRequest().prepRead(x.d, odd, 0));
            assertThat(res).isIn((long) -Errno.EINVAL, (long) x.d.alignment());
            if (res > 0) {
                assertThat(Patterns.mismatch(odd, 0, res)).isEqualTo(-1);
            }
        });
        c.put("B52", x -> assertThat(x.result(new IoRequest().prepRead(x.d, x.buf.asSlice(0, x.d.alignment()), 1)))
                .isEqualTo(-Errno.EINVAL));
        c.put("B53", x -> assertThat(x.result(new IoRequest().prepRead(x.d, x.buf.asSlice(0, x.d.alignment() + 1), 0)))
                .isEqualTo(-Errno.EINVAL));
        c.put("B54", x -> assertThat(x.result(new IoRequest().prepReadFixed(x.f, x.buf.asSlice(0, 512), 0, 0))).isEqualTo(-Errno.EFAULT));
        c.put("B55", x -> {
            x.ctx.registerBuffers(x.buf.asSlice(0, 4096));
            assertThat(x.result(new IoRequest().prepReadFixed(x.f, x.buf.asSlice(2048, 4096), 0, 0))).isEqualTo(-Errno.EFAULT);
        });
        c.put("B56", x -> {
            x.ctx.registerBuffers(x.buf.asSlice(0, 4096));
            assertThat(x.result(new IoRequest().prepReadFixed(x.f, x.buf.asSlice(0, 512), 1, 0))).isEqualTo(-Errno.EFAULT);
        });
        c.put("B57", x -> assertThat(x.result(new IoRequest().prepFallocate(x.f, 0, 0, 0))).isEqualTo(-Errno.EINVAL));
        c.put("B58", x -> assertThat(x.result(new IoRequest().prepFallocate(x.f, 0, -1, 4096))).isEqualTo(-Errno.EINVAL));
        c.put("B59", x -> assertThatThrownBy(() -> x.ctx.getEvents(2, IoEvent.array(4), 0, 1, 0)).isInstanceOf(IllegalArgumentException.class));
        c.put("B60", x -> assertThatThrownBy(() -> x.ctx.getEvents(-1, IoEvent.array(4), 0, 1, 0)).isInstanceOf(IllegalArgumentException.class));
        c.put("B61", x -> assertThatThrownBy(() -> x.ctx.getEvents(0, null, 0, 1, 0)).isInstanceOf(NullPointerException.class));
        c.put("B62", x -> assertThatThrownBy(() -> x.ctx.getEvents(0, new IoEvent[2], 0, 2, 0)).isInstanceOf(NullPointerException.class));
        c.put("B63", x -> assertThatThrownBy(() -> x.ctx.getEvents(0, IoEvent.array(2), 1, 2, 0)).isInstanceOf(IndexOutOfBoundsException.class));
        c.put("B64", x -> assertThatThrownBy(() -> x.ctx.getEvents(0, IoEvent.array(2), 0, null)).isInstanceOf(NullPointerException.class));
        c.put("B65", x -> {
            x.ctx.close();
            assertThatThrownBy(() -> x.ctx.getEvents(0, IoEvent.array(2), 0, TimeUnit.SECONDS)).isInstanceOf(ContextClosedException.class);
        });
        c.put("B66", x -> assertThatThrownBy(() -> x.ctx.cancel(null)).isInstanceOf(NullPointerException.class));
        c.put("B67", x -> assertThat(x.ctx.cancel(new IoRequest().prepNop())).isFalse());
        c.put("B68", x -> {
            IoRequest r = new IoRequest().prepNop();
            x.ctx.submit(r);
            x.ctx.close();
            assertThat(x.ctx.cancel(r)).isFalse();
        });
        c.put("B69", x -> {
            try (IoContext plain = IoContext.open(4, x.engine.options())) {
                assertThatThrownBy(() -> plain.registerBuffers(x.buf)).isInstanceOf(IllegalStateException.class);
            }
        });
        c.put("B70", x -> assertThatThrownBy(() -> x.ctx.registerBuffers(MemorySegment.ofArray(new byte[64])))
                .isInstanceOf(IllegalArgumentException.class));
        c.put("B71", x -> assertThatThrownBy(() -> x.ctx.registerBuffers()).isInstanceOf(IllegalArgumentException.class));
        c.put("B72", x -> {
            x.ctx.registerBuffers(x.buf);
            assertThatThrownBy(() -> x.ctx.registerBuffers(x.buf)).isInstanceOf(IllegalStateException.class);
        });
        c.put("B73", x -> {
            x.ctx.close();
            x.ctx.close();
            assertThat(x.ctx.isOpen()).isFalse();
        });
        c.put("B74", x -> {
            x.ro.close();
            x.ro.close();
            assertThat(x.ro.isOpen()).isFalse();
        });
        c.put("B75", x -> assertThatThrownBy(() -> x.f.truncate(-1)).isInstanceOf(IllegalArgumentException.class));
        c.put("B76", x -> assertThatThrownBy(() -> x.ro.truncate(0)).isInstanceOf(NonWritableChannelException.class));
        c.put("B77", x -> {
            x.ro.close();
            assertThatThrownBy(x.ro::size).isInstanceOf(ClosedChannelException.class);
        });
        c.put("B78", x -> assertThatThrownBy(() -> x.ctx.ring().enter(-1, 0)).isInstanceOf(IllegalArgumentException.class));
        c.put("B79", x -> assertThatThrownBy(() -> x.ctx.ring().cqAdvance(1)).isInstanceOf(IllegalArgumentException.class));
        c.put("B80", x -> assertThatThrownBy(() -> x.ctx.ring().cqe(0)).isInstanceOf(IndexOutOfBoundsException.class));
        c.put("B81", x -> {
            x.ctx.close();
            assertThatThrownBy(x.ctx::ring).isInstanceOf(ContextClosedException.class);
        });
        c.put("B82", x -> assertThat(LibAio.ioSetup(0, x.engine.options())).isEqualTo(-Errno.EINVAL));
        c.put("B83", x -> assertThat(LibAio.ioSubmit(Integer.MAX_VALUE, 1, new IoRequest[] {new IoRequest()})).isEqualTo(-Errno.EINVAL));
        c.put("B84", x -> assertThatThrownBy(() -> new FaultInjectingEngine.Fail(0)).isInstanceOf(IllegalArgumentException.class));
        c.put("B85", x -> assertThatThrownBy(() -> new FaultInjectingEngine.Shorten(-1)).isInstanceOf(IllegalArgumentException.class));
        c.put("B86", x -> {
            Arena gone = Arena.ofShared();
            MemorySegment dead = gone.allocate(512, 8);
            IoRequest r = new IoRequest().prepRead(x.f, dead, 0);
            gone.close();
            assertThat(x.result(r)).isEqualTo(-Errno.EFAULT);
        });
        c.put("B87", x -> {
            Arena gone = Arena.ofConfined();
            MemorySegment dead = gone.allocate(512, 8);
            IoRequest r = new IoRequest().prepWritev(x.f, new MemorySegment[] {x.buf.asSlice(0, 512), dead}, 0);
            gone.close();
            assertThat(x.result(r)).isEqualTo(-Errno.EFAULT);
        });
        c.put("B88", x -> {
            Arena closing = Arena.ofShared();
            IoRequest r = new IoRequest().prepRead(x.f, closing.allocate(512, 8), 0);
            assertThat(x.ctx.submit(r)).isEqualTo(1);
            closing.close(); // the engine has a context-owned copy: the close is not refused
            IoEvent[] ev = IoEvent.array(1);
            Reap.exactly(x.ctx, ev, 1, 30);
            assertThat(ev[0].result()).isEqualTo(-Errno.EFAULT);
        });
        c.put("B89", x -> {
            MemorySegment foreign = x.otherThreadsConfinedSegment(512);
            assertThat(x.result(new IoRequest().prepWrite(x.f, foreign, 0))).isEqualTo(-Errno.EFAULT);
        });
        return c;
    }
}
