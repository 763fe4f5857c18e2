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
}
