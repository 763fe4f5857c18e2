package io.aio4j.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The drop-in provider: in this JVM through its own paths, and in a child JVM as the default provider. */
@Timeout(60)
class DropInProviderTest {
    @TempDir
    Path dir;

    @Test
    void pathsOfTheProviderBehaveAsThePlatformsAndOpenAio4jChannels() throws Exception {
        Aio4jFileSystemProvider provider = new Aio4jFileSystemProvider(FileSystems.getDefault().provider());
        Path d = provider.fileSystem().getPath(dir.toString());
        assertThat(d.getFileSystem().provider()).isSameAs(provider);
        Path f = d.resolve("x.txt");
        assertThat(f.getFileSystem().provider()).isSameAs(provider);
        Files.writeString(f, "abcdef");
        assertThat(Files.readString(f)).isEqualTo("abcdef");
        assertThat(f.getParent()).isEqualTo(d);
        assertThat(f.toString()).isEqualTo(dir.resolve("x.txt").toString());
        assertThat(provider.getPath(f.toUri())).isEqualTo(f);
        List<Path> listed = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d, p -> p.getFileSystem().provider() == provider)) {
            s.forEach(listed::add);
        }
        assertThat(listed).containsExactly(f);
        assertThat(listed.get(0).getFileSystem().provider()).isSameAs(provider);
        try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(f, StandardOpenOption.READ)) {
            assertThat(ch).isInstanceOf(Aio4jAsynchronousFileChannel.class);
            ByteBuffer b = ByteBuffer.allocate(10);
            assertThat(ch.read(b, 2).get()).isEqualTo(4);
        }
        Files.move(f, d.resolve("y.txt"));
        assertThat(Files.exists(d.resolve("y.txt"))).isTrue();
        Files.delete(d.resolve("y.txt"));
        assertThat(Files.exists(f)).isFalse();
    }

    @Test
    void asTheDefaultProviderAnUnchangedProgramGetsAio4jChannelsAndNothingElseChanges() throws Exception {
        String plain = run(dir.resolve("plain"), false);
        String dropIn = run(dir.resolve("dropin"), true);
        assertThat(plain).contains("channel sun.nio.ch.SimpleAsynchronousFileChannelImpl");
        assertThat(dropIn).contains("channel " + Aio4jAsynchronousFileChannel.class.getName());
        assertThat(dropIn).contains("provider " + Aio4jFileSystemProvider.class.getName());
        assertThat(drop(dropIn, "channel ", "provider ").replace("dropin", "X"))
                .isEqualTo(drop(plain, "channel ", "provider ").replace("plain", "X"));
        assertThat(dropIn).contains("read 7 drop-in");
    }

    private static String drop(String out, String... prefixes) {
        StringBuilder b = new StringBuilder();
        for (String line : out.split("\n")) {
            boolean keep = true;
            for (String p : prefixes) {
                keep &= !line.startsWith(p);
            }
            if (keep) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    private static String run(Path dir, boolean dropIn) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        if (dropIn) {
            cmd.add("-Djava.nio.file.spi.DefaultFileSystemProvider=" + Aio4jFileSystemProvider.class.getName());
        }
        cmd.add(DropInMain.class.getName());
        cmd.add(dir.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> !l.startsWith("INFO") && !l.contains("io.aio4j.Engines")).reduce("", (a, l) -> a + l + "\n");
    }
}
