package io.aio4j.channels;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;

/**
 * A path of the {@link Aio4jFileSystem}: the platform's path inside, so that it carries the aio4j
 * provider (a Path's provider decides who opens its channels). Every method delegates and wraps
 * what it returns. Paths of the platform provider given as arguments are accepted as they are
 * (such as a WatchKey's), so code mixing the two keeps working.
 */
final class Aio4jPath implements Path {
    private final Aio4jFileSystem fs;
    private final Path delegate;

    Aio4jPath(Aio4jFileSystem fs, Path delegate) {
        this.fs = fs;
        this.delegate = delegate;
    }

    /** The platform path of {@code p}: its delegate if it is ours, else {@code p} itself. */
    static Path unwrap(Path p) {
        return p instanceof Aio4jPath a ? a.delegate : p;
    }

    Path delegate() {
        return delegate;
    }

    private Path wrap(Path p) {
        return fs.wrap(p);
    }

    @Override
    public Aio4jFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return delegate.isAbsolute();
    }

    @Override
    public Path getRoot() {
        return wrap(delegate.getRoot());
    }

    @Override
    public Path getFileName() {
        return wrap(delegate.getFileName());
    }

    @Override
    public Path getParent() {
        return wrap(delegate.getParent());
    }

    @Override
    public int getNameCount() {
        return delegate.getNameCount();
    }

    @Override
    public Path getName(int index) {
        return wrap(delegate.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return wrap(delegate.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        return delegate.startsWith(unwrap(Objects.requireNonNull(other)));
    }

    @Override
    public boolean endsWith(Path other) {
        return delegate.endsWith(unwrap(Objects.requireNonNull(other)));
    }

    @Override
    public Path normalize() {
        return wrap(delegate.normalize());
    }

    @Override
    public Path resolve(Path other) {
        return wrap(delegate.resolve(unwrap(other)));
    }

    @Override
    public Path relativize(Path other) {
        return wrap(delegate.relativize(unwrap(other)));
    }

    @Override
    public URI toUri() {
        return delegate.toUri();
    }

    @Override
    public Path toAbsolutePath() {
        return wrap(delegate.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        return wrap(delegate.toRealPath(options));
    }

    /** As the JDK's: a File when this is a path of the default file system (the platform's checks its own). */
    @Override
    public File toFile() {
        return fs == java.nio.file.FileSystems.getDefault() ? new File(toString()) : delegate.toFile();
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
            throws IOException {
        return delegate.register(watcher, events, modifiers);
    }

    @Override
    public int compareTo(Path other) {
        return delegate.compareTo(unwrap(other));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Aio4jPath p && p.fs == fs && p.delegate.equals(delegate);
    }

    @Override
    public int hashCode() {
        return delegate.hashCode();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
