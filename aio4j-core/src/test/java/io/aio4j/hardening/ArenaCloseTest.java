package io.aio4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Engine;
import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7 item 1: closing the shared Arena that owns a buffer while its request is in flight.
 * On the portable engine the close is refused with IllegalStateException while the engine is
 * inside the system call (the JDK holds the arena for a downcall that takes the segment), the
 * request completes first if it ran before the close, or it completes with -EFAULT if the close
 * came first; the JVM survives every round. Native engines hand the kernel raw addresses, for
 * which this is undefined (docs/buffer-lifetimes.md): they are skipped, with that reason.
 */
@Timeout(120)
class ArenaCloseTest {
    private static final int ROUNDS = 300;
    private static final int SIZE = 1 << 20;

    @TempDir
    Path dir;

    @EngineTest
    void closingTheArenaIsRefusedOrTheRequestCompletesFirstOrFailsWithEfault(EngineCase engine) throws Exception {
        engine.assumeAvailable();
        Assumptions.assumeTrue(engine.options().engine() == Engine.PORTABLE,
                "closing an arena under an in-flight request is undefined on native engines (docs/buffer-lifetimes.md)");
        Path p = dir.resolve("pattern");
        Patterns.create(p, SIZE);
        int refused = 0;
        int completedFirst = 0;
        int efault = 0;
        IoEvent[] ev = IoEvent.array(1);
        try (IoContext ctx = IoContext.open(4, engine.options())) {
            IoFile f = ctx.openFile(p, FileOption.READ);
            for (int i = 0; i < ROUNDS; i++) {
                Arena arena = Arena.ofShared();
                MemorySegment buf = arena.allocate(SIZE, 4096);
                assertThat(ctx.submit(new IoRequest().prepRead(f, buf, 0))).isEqualTo(1);
                boolean closed;
                try {
                    arena.close();
                    closed = true;
                } catch (IllegalStateException busy) {
                    closed = false;
                    refused++;
                }
                Reap.exactly(ctx, ev, 1, 30);
                long res = ev[0].result();
                assertThat(res).as("round %d", i).isIn((long) SIZE, (long) -Errno.EFAULT);
                if (res == -Errno.EFAULT) {
                    assertThat(closed).as("EFAULT only when the close won").isTrue();
                    efault++;
                } else if (closed) {
                    completedFirst++;
                } else {
                    assertThat(Patterns.mismatch(buf, 0, SIZE)).isEqualTo(-1);
                    arena.close(); // the request is reaped: now the close goes through
                }
            }
        }
        System.out.printf("arena close [%s]: %d rounds: %d refused (IllegalStateException), %d completed first, %d -EFAULT%n",
                engine, ROUNDS, refused, completedFirst, efault);
        assertThat(refused + completedFirst + efault).isEqualTo(ROUNDS);
    }
}
