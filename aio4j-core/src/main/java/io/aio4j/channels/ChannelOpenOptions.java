package io.aio4j.channels;

import io.aio4j.FileOption;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The open options of an AsynchronousFileChannel, read as the JDK reads them (UnixChannelFactory):
 * READ is the default; APPEND is refused; CREATE, CREATE_NEW and TRUNCATE_EXISTING only count
 * when writing; SPARSE is ignored; DIRECT is {@code com.sun.nio.file.ExtendedOpenOption.DIRECT}.
 */
record ChannelOpenOptions(boolean read, boolean write, boolean create, boolean createNew, boolean truncate,
        boolean deleteOnClose, boolean noFollowLinks, boolean sync, boolean dsync, boolean direct) {

    /**
     * @throws UnsupportedOperationException for APPEND or an option the JDK does not know here
     * @throws NullPointerException for a null option
     */
    static ChannelOpenOptions of(Set<? extends OpenOption> options) {
        boolean read = false, write = false, create = false, createNew = false, truncate = false;
        boolean deleteOnClose = false, noFollow = false, sync = false, dsync = false, direct = false;
        for (OpenOption o : options) {
            if (o instanceof StandardOpenOption s) {
                switch (s) {
                    case READ -> read = true;
                    case WRITE -> write = true;
                    case APPEND -> throw new UnsupportedOperationException("APPEND not allowed");
                    case TRUNCATE_EXISTING -> truncate = true;
                    case CREATE -> create = true;
                    case CREATE_NEW -> createNew = true;
                    case DELETE_ON_CLOSE -> deleteOnClose = true;
                    case SPARSE -> { }
                    case SYNC -> sync = true;
                    case DSYNC -> dsync = true;
                    default -> throw new UnsupportedOperationException(o + " not supported");
                }
            } else if (o == LinkOption.NOFOLLOW_LINKS) {
                noFollow = true;
            } else if (o != null && o.getClass().getName().equals("com.sun.nio.file.ExtendedOpenOption")
                    && o.toString().equals("DIRECT")) {
                direct = true;
            } else if (o == null) {
                throw new NullPointerException("options contains null");
            } else {
                throw new UnsupportedOperationException(o + " not supported");
            }
        }
        if (!read && !write) {
            read = true;
        }
        return new ChannelOpenOptions(read, write, write && create, write && createNew, write && truncate,
                deleteOnClose, noFollow, sync, dsync, direct);
    }

    /**
     * Creates the file through its own provider when the options ask for it, so that its mode
     * (0666 less the umask) and {@code attrs} are exactly the JDK's; the context then opens it
     * without creating.
     */
    void createIfAsked(Path path, FileAttribute<?>... attrs) throws IOException {
        if (!create && !createNew) {
            return;
        }
        Set<OpenOption> o = Set.of(StandardOpenOption.WRITE, createNew ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        try (SeekableByteChannel c = path.getFileSystem().provider().newByteChannel(path, o, attrs)) {
            // created (or already there, for CREATE); nothing to write
            assert c.isOpen();
        }
    }

    /** Refuses a symbolic link when NOFOLLOW_LINKS (or DELETE_ON_CLOSE) asks the JDK to. */
    void checkLinks(Path path) throws IOException {
        if ((noFollowLinks || deleteOnClose) && !createNew && Files.isSymbolicLink(path)) {
            throw new FileSystemException(path.toString(), null,
                    "Too many levels of symbolic links or unable to access attributes of symbolic link (NOFOLLOW_LINKS specified)");
        }
    }

    /** The options for {@link io.aio4j.IoContext#openFile}, after {@link #createIfAsked}. */
    FileOption[] fileOptions() {
        List<FileOption> l = new ArrayList<>();
        if (read) {
            l.add(FileOption.READ);
        }
        if (write) {
            l.add(FileOption.WRITE);
        }
        if (truncate) {
            l.add(FileOption.TRUNCATE_EXISTING);
        }
        if (sync) {
            l.add(FileOption.SYNC);
        }
        if (dsync) {
            l.add(FileOption.DSYNC);
        }
        if (direct) {
            l.add(FileOption.DIRECT);
        }
        return EnumSet.copyOf(l.isEmpty() ? List.of(FileOption.READ) : l).toArray(FileOption[]::new);
    }
}
