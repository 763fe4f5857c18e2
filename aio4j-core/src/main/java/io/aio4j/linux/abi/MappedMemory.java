package io.aio4j.linux.abi;

import java.lang.foreign.MemorySegment;

/**
 * Segments over memory that {@link LibC#mmap} returned. The ABI layer vouches for the size (it
 * comes from the kernel's own description of the mapping); the caller keeps the mapping until it
 * stops using the segment, and unmaps it with {@link LibC#munmap}.
 */
public final class MappedMemory {
    private MappedMemory() {
    }

    /** A segment of {@code size} bytes at {@code address}, a live mapping of at least that size. */
    @SuppressWarnings("restricted")
    public static MemorySegment segment(long address, long size) {
        if (address <= 0 || size <= 0) {
            throw new IllegalArgumentException("address=" + address + ", size=" + size);
        }
        return MemorySegment.ofAddress(address).reinterpret(size);
    }
}
