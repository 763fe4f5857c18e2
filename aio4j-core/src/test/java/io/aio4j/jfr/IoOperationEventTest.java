package io.aio4j.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.FileOption;
import io.aio4j.async.AsyncFile;
import io.aio4j.async.IoDispatcher;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class IoOperationEventTest {
    @TempDir
    Path dir;

    @Test
    void eachOperationIsRecordedWithEngineOpBytesResultAndDuration() throws Exception {
        Path p = dir.resolve("f");
        Files.write(p, new byte[100]);
        Path out = dir.resolve("rec.jfr");
        try (IoDispatcher d = IoDispatcher.open(8, ContextOptions.of(Engine.PORTABLE));
                AsyncFile f = AsyncFile.open(d, p, FileOption.READ, FileOption.WRITE)) {
            f.read(MemorySegment.ofArray(new byte[10]), 0).get(10, TimeUnit.SECONDS); // before: not recorded
            try (Recording r = new Recording()) {
                r.enable("io.aio4j.Operation").withThreshold(Duration.ZERO);
                r.start();
                assertThat(OperationEvents.enabled()).isTrue();
                f.read(MemorySegment.ofArray(new byte[64]), 50).get(10, TimeUnit.SECONDS);
                f.write(MemorySegment.ofArray(new byte[7]), 0).get(10, TimeUnit.SECONDS);
                f.fsync().get(10, TimeUnit.SECONDS);
                r.stop();
                r.dump(out);
            }
            assertThat(OperationEvents.enabled()).isFalse();
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(out).stream()
                .filter(e -> e.getEventType().getName().equals("io.aio4j.Operation")).toList();
        assertThat(events).extracting(e -> e.getString("op") + " " + e.getLong("bytes") + " " + e.getLong("result"))
                .containsExactly("PREAD 50 50", "PWRITE 7 7", "FSYNC 0 0");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getString("engine")).isEqualTo("PORTABLE");
            assertThat(e.getDuration()).isPositive();
        });
    }
}
