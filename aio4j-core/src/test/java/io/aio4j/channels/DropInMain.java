package io.aio4j.channels;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * An unchanged program, as it would be written against the JDK alone: run by
 * {@link DropInProviderTest} with and without the aio4j default provider property. Prints what a
 * program can observe, one fact per line.
 */
public final class DropInMain {
    private DropInMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path f = dir.resolve("data.txt");
        Files.writeString(f, "hello drop-in");
        try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(f, StandardOpenOption.READ)) {
            System.out.println("channel " + ch.getClass().getName());
            ByteBuffer b = ByteBuffer.allocate(64);
            System.out.println("read " + ch.read(b, 6).get() + " " + new String(b.array(), 0, b.position()));
        }
        System.out.println("provider " + FileSystems.getDefault().provider().getClass().getName());
        System.out.println("exists " + Files.exists(f) + " size " + Files.size(f));
        Files.createDirectories(dir.resolve("a/b"));
        Files.copy(f, dir.resolve("a/b/copy.txt"));
        try (Stream<Path> s = Files.walk(dir)) {
            System.out.println("walk " + s.map(p -> dir.relativize(p).toString()).sorted().toList());
        }
        System.out.println("file " + f.toFile().toPath().equals(f) + " " + f.toUri());
        System.out.println("lines " + Files.readAllLines(dir.resolve("a/b/copy.txt")));
    }
}
