package io.aio4j.linux.uring;

import io.aio4j.linux.file.LinuxFile;
import io.aio4j.spi.EngineFile;
import java.io.IOException;

/** A {@link LinuxFile} that may also sit in the ring's registered-file table. */
final class UringFile implements EngineFile {
    private final LinuxFile file;
    private final FileTable table;
    private final int fixedIndex;

    UringFile(LinuxFile file, FileTable table) {
        this.file = file;
        this.table = table;
        this.fixedIndex = table.add(file.fd());
    }

    /** The registered-file slot, or -1 when requests must use the descriptor. */
    int fixedIndex() {
        return fixedIndex;
    }

    /** The table the slot belongs to. */
    FileTable table() {
        return table;
    }

    @Override
    public int fd() {
        return file.fd();
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public void truncate(long size) throws IOException {
        file.truncate(size);
    }

    @Override
    public int alignment() {
        return file.alignment();
    }

    @Override
    public boolean memoryBacked() {
        return file.memoryBacked();
    }

    @Override
    public void close() throws IOException {
        table.remove(fixedIndex);
        file.close();
    }

    @Override
    public String toString() {
        return file + (fixedIndex >= 0 ? "[fixed " + fixedIndex + "]" : "");
    }
}
