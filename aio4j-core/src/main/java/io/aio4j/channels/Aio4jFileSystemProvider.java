package io.aio4j.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The platform's default file system provider with aio4j behind
 * {@link AsynchronousFileChannel#open}: install it with
 * {@code -Djava.nio.file.spi.DefaultFileSystemProvider=io.aio4j.channels.Aio4jFileSystemProvider}
 * and every {@code AsynchronousFileChannel.open} of an unchanged program returns an
 * {@link Aio4jAsynchronousFileChannel} on the shared dispatcher ({@link SharedDispatcher}).
 * Everything else is the platform provider's, unchanged: paths are wrapped so that they carry this
 * provider, and unwrapped before each call.
 *
 * <p>If no aio4j engine can be opened here, asynchronous channels are the platform's own, and the
 * reason is logged once (System.Logger {@code io.aio4j}).
 *
 * <p>Not registered with ServiceLoader on purpose: installed that way it would change nothing for
 * {@code file:} URIs (the default provider wins) yet appear in every program's
 * {@code installedProviders()}; the system property is the one switch.
 */
public final class Aio4jFileSystemProvider extends FileSystemProvider {
    private static final System.Logger LOG = System.getLogger("io.aio4j");

    private final FileSystemProvider delegate;
    private final Aio4jFileSystem fileSystem;
    private volatile boolean fallbackLogged;

    /**
     * Wraps {@code delegate}, the platform's default provider; this is the constructor the JDK calls
     * for {@code java.nio.file.spi.DefaultFileSystemProvider}. It must not touch
     * {@code FileSystems.getDefault()}, which is being built.
     */
    public Aio4jFileSystemProvider(FileSystemProvider delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.fileSystem = new Aio4jFileSystem(this, delegate.getFileSystem(URI.create("file:///")));
    }

    /** The file system of this provider (the default one, once installed). */
    public FileSystem fileSystem() {
        return fileSystem;
    }

    private Path unwrap(Path p) {
        Objects.requireNonNull(p);
        if (p instanceof Aio4jPath a) {
            if (a.getFileSystem() != fileSystem) {
                throw new ProviderMismatchException();
            }
            return a.delegate();
        }
        if (p.getFileSystem().provider() != delegate) {
            throw new ProviderMismatchException();
        }
        return p;
    }

    @Override
    public String getScheme() {
        return delegate.getScheme();
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
        delegate.newFileSystem(uri, env); // throws FileSystemAlreadyExistsException, as the platform's
        return fileSystem;
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        delegate.getFileSystem(uri); // checks the URI as the platform does
        return fileSystem;
    }

    @Override
    public Path getPath(URI uri) {
        return fileSystem.wrap(delegate.getPath(uri));
    }

    @Override
    public FileSystem newFileSystem(Path path, Map<String, ?> env) throws IOException {
        return delegate.newFileSystem(unwrap(path), env);
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        return delegate.newInputStream(unwrap(path), options);
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        return delegate.newOutputStream(unwrap(path), options);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return delegate.newFileChannel(unwrap(path), options, attrs);
    }

    /** The aio4j channel; the platform's if no aio4j engine can be opened here. */
    @Override
    public AsynchronousFileChannel newAsynchronousFileChannel(Path path, Set<? extends OpenOption> options,
            ExecutorService executor, FileAttribute<?>... attrs) throws IOException {
        Path p = unwrap(path);
        io.aio4j.async.IoDispatcher d;
        try {
            d = SharedDispatcher.get();
        } catch (IOException e) {
            if (!fallbackLogged) {
                fallbackLogged = true;
                LOG.log(System.Logger.Level.WARNING, "aio4j: using the JDK's AsynchronousFileChannel: " + e.getMessage());
            }
            return delegate.newAsynchronousFileChannel(p, options, executor, attrs);
        }
        return Aio4jAsynchronousFileChannel.open(d, p, options, executor, attrs);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return delegate.newByteChannel(unwrap(path), options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        Objects.requireNonNull(filter, "filter");
        return WrappingDirectoryStream.wrap(fileSystem,
                delegate.newDirectoryStream(unwrap(dir), WrappingDirectoryStream.unwrapFilter(fileSystem, filter)));
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        delegate.createDirectory(unwrap(dir), attrs);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        delegate.createSymbolicLink(unwrap(link), Aio4jPath.unwrap(target), attrs);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        delegate.createLink(unwrap(link), unwrap(existing));
    }

    @Override
    public void delete(Path path) throws IOException {
        delegate.delete(unwrap(path));
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        return delegate.deleteIfExists(unwrap(path));
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return fileSystem.wrap(delegate.readSymbolicLink(unwrap(link)));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        delegate.copy(unwrap(source), unwrap(target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        delegate.move(unwrap(source), unwrap(target), options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        return delegate.isSameFile(unwrap(path), Aio4jPath.unwrap(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        return delegate.isHidden(unwrap(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        return delegate.getFileStore(unwrap(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        delegate.checkAccess(unwrap(path), modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return delegate.getFileAttributeView(unwrap(path), type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        return delegate.readAttributes(unwrap(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return delegate.readAttributes(unwrap(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        delegate.setAttribute(unwrap(path), attribute, value, options);
    }

    @Override
    public boolean exists(Path path, LinkOption... options) {
        return delegate.exists(unwrap(path), options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributesIfExists(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        return delegate.readAttributesIfExists(unwrap(path), type, options);
    }

    @Override
    public String toString() {
        return "Aio4jFileSystemProvider[" + delegate + "]";
    }
}
