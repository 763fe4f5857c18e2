package io.aio4j.hardening;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.LinkFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;

/**
 * Issue #7 item 8: Jazzer drives random operation sequences on the portable engine (its three
 * modes) and checks every result against an in-memory model of the file: pwrite, pread (short at
 * EOF), writev/readv, truncate, fsync, fallocate, NOOP, batches with LINK chains, and invalid
 * requests (negative offsets, read-only file, closed file), which must fail with the documented
 * -errno and leave the model unchanged.
 *
 * <p>In {@code ./mvnw verify} it fuzzes for 20 s (the {@code fuzz} surefire execution sets
 * {@code JAZZER_FUZZ=1}). Longer, by hand:
 * {@code ./mvnw -pl aio4j-core test -Dtest=PortableModelFuzzTest -Djazzer.max_duration=10m} (the
 * {@code max_duration} option overrides the annotation);
 * without {@code JAZZER_FUZZ} it replays the saved inputs only (regression mode).
 */
class PortableModelFuzzTest {
    private static final int MAX_SIZE = 64 * 1024;
    private static final AtomicLong EXECUTIONS = new AtomicLong();
    private static final Arena ARENA = Arena.ofShared();
    private static final MemorySegment BUF = ARENA.allocate(MAX_SIZE, 4096);
    private static final MemorySegment BUF2 = ARENA.allocate(MAX_SIZE, 4096);
    private static Fixture[] fixtures;

    /** A context per portable mode, made once: contexts with threads are too dear per input. */
    private record Fixture(IoContext ctx, Path path) {
    }

    private static synchronized Fixture fixture(int mode) throws IOException {
        if (fixtures == null) {
            Path dir = Files.createTempDirectory("aio4j-fuzz");
            fixtures = new Fixture[3];
            for (int i = 0; i < 3; i++) {
                EngineCase e = EngineCase.all().get(i);
                fixtures[i] = new Fixture(IoContext.open(8, e.options()), dir.resolve("model-" + i));
            }
        }
        return fixtures[mode];
    }

    @AfterAll
    static void report() {
        System.out.printf("fuzz: %d executions on the portable engine%n", EXECUTIONS.get());
        if (fixtures != null) {
            for (Fixture x : fixtures) {
                x.ctx().close();
            }
        }
    }

    @FuzzTest(maxDuration = "20s")
    void operationSequencesMatchTheModel(FuzzedDataProvider data) throws Exception {
        EXECUTIONS.incrementAndGet();
        Fixture x = fixture(data.consumeInt(0, 2));
        byte[] model = new byte[0];
        IoEvent[] ev = IoEvent.array(4);
        try (IoFile f = x.ctx().openFile(x.path(), FileOption.READ, FileOption.WRITE, FileOption.CREATE, FileOption.TRUNCATE_EXISTING);
                IoFile ro = x.ctx().openFile(x.path(), FileOption.READ)) {
            int steps = data.consumeInt(1, 24);
            for (int s = 0; s < steps && data.remainingBytes() > 0; s++) {
                int off = data.consumeInt(0, MAX_SIZE / 2);
                int len = data.consumeInt(0, MAX_SIZE / 2);
                switch (data.consumeInt(0, 9)) {
                    case 0 -> { // pwrite
                        byte[] bytes = data.consumeBytes(len);
                        MemorySegment.copy(bytes, 0, BUF, JAVA_BYTE, 0, bytes.length);
                        assertThat(one(x, new IoRequest().prepWrite(f, BUF, bytes.length, off), ev)).isEqualTo(bytes.length);
                        model = write(model, off, bytes);
                    }
                    case 1 -> { // pread, short at EOF
                        long res = one(x, new IoRequest().prepRead(f, BUF, len, off), ev);
                        assertThat(res).isEqualTo(Math.max(0, Math.min(len, model.length - off)));
                        if (res > 0) {
                            assertThat(BUF.asSlice(0, res).toArray(JAVA_BYTE)).isEqualTo(Arrays.copyOfRange(model, off, off + (int) res));
                        }
                    }
                    case 2 -> { // writev of two heap segments, then readv into native ones
                        byte[] a = data.consumeBytes(len / 2);
                        byte[] b = data.consumeBytes(len / 2);
                        MemorySegment[] w = {MemorySegment.ofArray(a), MemorySegment.ofArray(b)};
                        assertThat(one(x, new IoRequest().prepWritev(f, w, off), ev)).isEqualTo(a.length + b.length);
                        model = write(write(model, off, a), off + a.length, b);
                        MemorySegment[] r = {BUF.asSlice(0, a.length), BUF2.asSlice(0, b.length)};
                        assertThat(one(x, new IoRequest().prepReadv(f, r, off), ev)).isEqualTo(a.length + b.length);
                        assertThat(r[0].toArray(JAVA_BYTE)).isEqualTo(a);
                        assertThat(r[1].toArray(JAVA_BYTE)).isEqualTo(b);
                    }
                    case 3 -> { // truncate
                        f.truncate(off);
                        model = Arrays.copyOf(model, off);
                        assertThat(f.size()).isEqualTo(off);
                    }
                    case 4 -> assertThat(one(x, new IoRequest().prepFsync(f), ev)).isZero();
                    case 5 -> { // fallocate extends with zeros
                        int flen = Math.max(1, len);
                        assertThat(one(x, new IoRequest().prepFallocate(f, 0, off, flen), ev)).isZero();
                        if (off + flen > model.length) {
                            model = Arrays.copyOf(model, off + flen);
                        }
                    }
                    case 6 -> assertThat(one(x, new IoRequest().prepRead(f, BUF, len, -1L - off), ev)).isEqualTo(-Errno.EINVAL);
                    case 7 -> assertThat(one(x, new IoRequest().prepWrite(ro, BUF, len, off), ev)).isEqualTo(-Errno.EBADF);
                    case 8 -> { // a LINK chain: write then read back, in order
                        byte[] bytes = data.consumeBytes(Math.max(1, len));
                        MemorySegment.copy(bytes, 0, BUF, JAVA_BYTE, 0, bytes.length);
                        IoRequest w = new IoRequest().prepWrite(f, BUF, bytes.length, off).linkFlags(LinkFlags.LINK).userData(1);
                        IoRequest r = new IoRequest().prepRead(f, BUF2, bytes.length, off).userData(2);
                        assertThat(x.ctx().submit(w, r)).isEqualTo(2);
                        Reap.exactly(x.ctx(), ev, 2, 30);
                        model = write(model, off, bytes);
                        for (int i = 0; i < 2; i++) {
                            assertThat(ev[i].result()).as("%s", ev[i]).isEqualTo(bytes.length);
                        }
                        assertThat(BUF2.asSlice(0, bytes.length).toArray(JAVA_BYTE)).isEqualTo(bytes);
                    }
                    default -> assertThat(one(x, new IoRequest().prepNop(), ev)).isZero();
                }
            }
            assertThat(f.size()).as("file size against the model").isEqualTo(model.length);
        }
        assertThat(x.ctx().inFlight()).isZero();
    }

    private static long one(Fixture x, IoRequest r, IoEvent[] ev) throws InterruptedException {
        assertThat(x.ctx().submit(r)).isEqualTo(1);
        Reap.exactly(x.ctx(), ev, 1, 30);
        return ev[0].result();
    }

    private static byte[] write(byte[] model, int off, byte[] bytes) {
        if (bytes.length == 0) {
            return model; // an empty write does not extend the file
        }
        byte[] m = model.length >= off + bytes.length ? model : Arrays.copyOf(model, off + bytes.length);
        System.arraycopy(bytes, 0, m, off, bytes.length);
        return m;
    }
}
