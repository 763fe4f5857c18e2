package io.aio4j.channels;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.util.Iterator;
import java.util.Set;

/** The platform's directory streams, with their entries wrapped as aio4j paths. */
final class WrappingDirectoryStream {
    private WrappingDirectoryStream() {
    }

    static DirectoryStream<Path> wrap(Aio4jFileSystem fs, DirectoryStream<Path> d) {
        return d instanceof SecureDirectoryStream<Path> s ? new Secure(fs, s) : new Plain(fs, d);
    }

    /** A filter over platform paths that asks the caller's filter about our paths. */
    static DirectoryStream.Filter<Path> unwrapFilter(Aio4jFileSystem fs, DirectoryStream.Filter<? super Path> f) {
        return p -> f.accept(fs.wrap(p));
    }

    private static Iterator<Path> iterator(Aio4jFileSystem fs, DirectoryStream<Path> d) {
        Iterator<Path> it = d.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Path next() {
                return fs.wrap(it.next());
            }

            @Override
            public void remove() {
                it.remove();
            }
        };
    }

    private record Plain(Aio4jFileSystem fs, DirectoryStream<Path> d) implements DirectoryStream<Path> {
        @Override
        public Iterator<Path> iterator() {
            return WrappingDirectoryStream.iterator(fs, d);
        }

        @Override
        public void close() throws IOException {
            d.close();
        }
    }

    private record Secure(Aio4jFileSystem fs, SecureDirectoryStream<Path> d) implements SecureDirectoryStream<Path> {
        @Override
        public Iterator<Path> iterator() {
            return WrappingDirectoryStream.iterator(fs, d);
        }

        @Override
        public void close() throws IOException {
            d.close();
        }

        @Override
        public SecureDirectoryStream<Path> newDirectoryStream(Path path, LinkOption... options) throws IOException {
            return new Secure(fs, d.newDirectoryStream(Aio4jPath.unwrap(path), options));
        }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
                throws IOException {
            return d.newByteChannel(Aio4jPath.unwrap(path), options, attrs);
        }

        @Override
        public void deleteFile(Path path) throws IOException {
            d.deleteFile(Aio4jPath.unwrap(path));
        }

        @Override
        public void deleteDirectory(Path path) throws IOException {
            d.deleteDirectory(Aio4jPath.unwrap(path));
        }

        @Override
        public void move(Path srcpath, SecureDirectoryStream<Path> targetdir, Path targetpath) throws IOException {
            SecureDirectoryStream<Path> t = targetdir instanceof Secure s ? s.d : targetdir;
            d.move(Aio4jPath.unwrap(srcpath), t, Aio4jPath.unwrap(targetpath));
        }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Class<V> type) {
            return d.getFileAttributeView(type);
        }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
            return d.getFileAttributeView(Aio4jPath.unwrap(path), type, options);
        }
    }
}
