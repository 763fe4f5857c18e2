package io.aio4j.channels;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The platform's default file system seen through {@link Aio4jFileSystemProvider}: it delegates
 * everything and wraps the paths it makes, so they carry the aio4j provider.
 */
final class Aio4jFileSystem extends FileSystem {
    private final Aio4jFileSystemProvider provider;
    private final FileSystem delegate;

    Aio4jFileSystem(Aio4jFileSystemProvider provider, FileSystem delegate) {
        this.provider = provider;
        this.delegate = delegate;
    }

    /** {@code p} as our path; null stays null. */
    Path wrap(Path p) {
        return p == null ? null : new Aio4jPath(this, p);
    }

    FileSystem delegate() {
        return delegate;
    }

    @Override
    public Aio4jFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() throws IOException {
        delegate.close(); // the default file system cannot be closed: UnsupportedOperationException
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public boolean isReadOnly() {
        return delegate.isReadOnly();
    }

    @Override
    public String getSeparator() {
        return delegate.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> roots = new ArrayList<>();
        for (Path r : delegate.getRootDirectories()) {
            roots.add(wrap(r));
        }
        return roots;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return delegate.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return delegate.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return wrap(delegate.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher m = delegate.getPathMatcher(syntaxAndPattern);
        return p -> m.matches(Aio4jPath.unwrap(p));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return delegate.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() throws IOException {
        return delegate.newWatchService();
    }
}
