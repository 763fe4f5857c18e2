package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePrepTest {
    @Test
    void theVerifyLayoutStampsEveryBlockZeroAndKeepsALargerFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("f");
        Files.write(f, new byte[3 << 20]);
        int bs = 8192;
        long size = (2 << 20) + 100; // a tail shorter than a block
        FilePrep.layOutVerifyPattern(f, size, bs);
        assertThat(Files.size(f)).isEqualTo(3 << 20);
        MemorySegment buf = Arena.ofAuto().allocate(bs, 8);
        VerifyPattern p = new VerifyPattern(new MemorySegment[] {buf});
        try (FileChannel ch = FileChannel.open(f)) {
            for (long at = 0; at + bs <= size; at += bs) {
                ch.read(buf.asByteBuffer(), at);
                assertThat(p.check(0, buf, at, bs, 0)).isNull();
            }
        }
        Path fresh = dir.resolve("fresh");
        FilePrep.layOutVerifyPattern(fresh, size, bs);
        assertThat(Files.size(fresh)).isEqualTo(size);
    }

    @Test
    void aJobWithAnOffsetGetsItsFileLaidOutToTheRegionsEnd(@TempDir Path dir) throws Exception {
        // fio 3.33, --offset=1m --size=2m: "Laying out IO file (1 file / 3MiB)", a 3 MiB file, 512 reads
        Path f = dir.resolve("of.0.0");
        java.util.List<String> notices = new java.util.ArrayList<>();
        long covered = FilePrep.prepare(JobRunnerTest.spec("--filename=" + f, "--rw=randread", "--offset=1m", "--size=2m"),
                notices::add);
        assertThat(covered).isEqualTo(2 << 20);
        assertThat(Files.size(f)).isEqualTo(3 << 20);
        assertThat(notices).containsExactly("t: Laying out IO file (1 file / 3MiB)");
        Path w = dir.resolve("w.0.0");
        FilePrep.prepare(JobRunnerTest.spec("--filename=" + w, "--rw=write", "--offset=1m", "--size=2m"));
        assertThat(Files.size(w)).as("sparse for a write-only job").isEqualTo(3 << 20);
        assertThat(FilePrep.prepare(io.aio4j.bench.options.JobSpecs.resolve(io.aio4j.bench.options.Invocation.parse(
                java.util.List.of("--name=t", "--filename=" + f, "--rw=read", "--offset=1m")).jobs()).getFirst()))
                .as("without a size: the rest of the file past the offset").isEqualTo(2 << 20);
    }
}
