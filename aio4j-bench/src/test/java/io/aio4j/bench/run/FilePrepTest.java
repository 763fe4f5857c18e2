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
        FilePrep.layOutVerifyPattern(f, 0, size, bs);
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
        FilePrep.layOutVerifyPattern(fresh, 0, size, bs);
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

    @Test
    void theLayoutExtendsAShortFileWithRandomBytesAndKeepsWhatWasThere(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("short");
        byte[] head = new byte[100];
        java.util.Arrays.fill(head, (byte) 7);
        Files.write(f, head);
        long end = (2L << 20) + 37; // past two 1 MiB writes, not a whole block of them
        FilePrep.layOut(f, head.length, end, false);
        byte[] all = Files.readAllBytes(f);
        assertThat(all).hasSize((int) end);
        assertThat(java.util.Arrays.copyOf(all, head.length)).containsOnly(7);
        long zeros = 0;
        for (int i = head.length; i < all.length; i++) {
            zeros += all[i] == 0 ? 1 : 0;
        }
        assertThat(zeros).as("random bytes: about 1 in 256 is zero").isLessThan(all.length / 100);
        // every file is laid out from one shared block: a second file, from another thread, gets the same
        Path g = dir.resolve("other");
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                FilePrep.layOut(g, 0, 4096, true);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.join(10_000);
        assertThat(Files.size(g)).isEqualTo(4096);
    }
}
