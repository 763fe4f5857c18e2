package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.JobSpec;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A buffered write job on a disk warms the JIT up on a scratch file beside its own, which is gone
 * when the job starts (its dirty pages dropped, not written back during the job), and the job's
 * results are its own. The scratch file is seen through inotify (a WatchService on the directory).
 */
@Timeout(60)
class WarmUpScratchTest {
    @TempDir
    Path dir;

    @Test
    void aBufferedWriteJobWarmsUpOnAScratchFileThatIsGoneWhenItStarts() throws Exception {
        Path f = dir.resolve("job.0.0");
        JobSpec spec = JobRunnerTest.spec("--filename=" + f, "--size=1m", "--bs=4k", "--rw=randwrite", "--ioengine=psync");
        Files.createFile(f);
        Assumptions.assumeFalse(FilePrep.memoryBacked(f), "the temp directory is in memory here: warmed on the job's file");
        Files.delete(f);
        List<String> seenAtStart = new ArrayList<>();
        List<String> events = new ArrayList<>();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
            List<JobResult> results = BenchRun.run(List.of(spec), started -> seenAtStart.addAll(names(dir)));
            assertThat(results.getFirst().error()).as(results.getFirst().errorMessage()).isZero();
            assertThat(results.getFirst().write.ios()).as("the job's own I/Os only").isEqualTo(256);
            for (WatchKey key; (key = watch.poll()) != null; key.reset()) {
                for (WatchEvent<?> e : key.pollEvents()) {
                    events.add(e.kind().name() + " " + e.context());
                }
            }
        }
        assertThat(seenAtStart).containsExactly("job.0.0");
        assertThat(names(dir)).containsExactly("job.0.0");
        assertThat(events).anyMatch(e -> e.startsWith("ENTRY_CREATE .aio4j-warmup."))
                .anyMatch(e -> e.startsWith("ENTRY_DELETE .aio4j-warmup."));
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
