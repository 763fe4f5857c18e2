package io.aio4j.buffers;

import io.aio4j.IoContext;
import io.aio4j.IoFile;
import io.aio4j.SetupFlag;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * A fixed pool of equal native buffers, aligned for O_DIRECT, carved from one slab.
 *
 * <p><b>Alignment</b> comes from {@link IoFile#alignment()} (statx STATX_DIOALIGN where the kernel
 * reports it, else the logical block size), rounded up to a power of two: every buffer's address
 * and size are multiples of it. The slab itself is page-aligned.
 *
 * <p><b>Registration.</b> When the file's context has {@link SetupFlag#FIXED_BUFFERS} and no
 * buffers registered yet, the slab is registered as one buffer ({@link IoContext#registerBuffers}),
 * so every buffer of the pool can be used with {@code prepReadFixed/prepWriteFixed} and
 * {@link #bufIndex()}.
 *
 * <p><b>Threading.</b> {@link #tryAcquire()} and {@link #release} are lock-free and may be called
 * from any thread (a Treiber stack of buffer numbers with a version tag against ABA); they
 * allocate nothing. A buffer belongs to its acquirer until released.
 */
public final class AlignedBufferPool implements AutoCloseable {
    private static final VarHandle HEAD;
    private static final VarHandle OUT;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(AlignedBufferPool.class, "head", long.class);
            OUT = l.findVarHandle(AlignedBufferPool.class, "outstanding", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MemorySegment slab;
    private final MemorySegment[] buffers;
    private final int[] next;
    private final int alignment;
    private final long bufferSize;
    private final IoContext registeredWith;
    /** Version (high 32 bits) and top buffer number + 1 (low 32 bits; 0 = empty). */
    @SuppressWarnings("unused")
    private volatile long head;
    @SuppressWarnings("unused")
    private volatile int outstanding;
    private volatile boolean closed;

    private AlignedBufferPool(int alignment, long bufferSize, int count, IoContext registerWith) throws IOException {
        this.alignment = alignment;
        this.bufferSize = bufferSize;
        try {
            // an automatic arena: the memory lives while the pool, a buffer of it or a context it
            // is registered with is reachable, so IoContext hands it to the kernel without a copy
            this.slab = Arena.ofAuto().allocate(bufferSize * count, Math.max(alignment, 4096));
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new IOException("cannot allocate " + count + " x " + bufferSize + " bytes aligned to " + alignment, e);
        }
        this.buffers = new MemorySegment[count];
        this.next = new int[count];
        for (int i = 0; i < count; i++) {
            buffers[i] = slab.asSlice(i * bufferSize, bufferSize);
            next[i] = i + 1 < count ? i + 2 : 0; // links hold number + 1; 0 ends the list
        }
        this.head = 1;
        IoContext reg = null;
        if (registerWith != null && registerWith.options().has(SetupFlag.FIXED_BUFFERS)
                && registerWith.registeredBuffers().isEmpty()) {
            registerWith.registerBuffers(slab);
            reg = registerWith;
        }
        this.registeredWith = reg;
    }

    /**
     * A pool of {@code count} buffers of at least {@code bufferSize} bytes, aligned for
     * {@code file} (its O_DIRECT alignment; 1 when it is not O_DIRECT, then page-aligned anyway),
     * registered with its context when that has FIXED_BUFFERS.
     *
     * @throws IllegalArgumentException if {@code bufferSize} or {@code count} is not positive, or the
     *     pool would be over 1 GiB (the most one registered buffer may be)
     * @throws IOException if the memory cannot be had or the engine refuses the registration
     */
    public static AlignedBufferPool forFile(IoFile file, long bufferSize, int count) throws IOException {
        Objects.requireNonNull(file, "file");
        return create(file.alignment(), bufferSize, count, file.context());
    }

    /** A pool with an explicit alignment (a power of two is used, at least it), not registered. */
    public static AlignedBufferPool withAlignment(int alignment, long bufferSize, int count) throws IOException {
        return create(alignment, bufferSize, count, null);
    }

    private static AlignedBufferPool create(int alignment, long bufferSize, int count, IoContext ctx) throws IOException {
        if (alignment <= 0 || bufferSize <= 0 || count <= 0) {
            throw new IllegalArgumentException("alignment=" + alignment + ", bufferSize=" + bufferSize + ", count=" + count
                    + ": all must be positive");
        }
        int align = Integer.highestOneBit(alignment) == alignment ? alignment : Integer.highestOneBit(alignment) << 1;
        long size = (bufferSize + align - 1) & -align;
        if (size * count > (1L << 30) || size * count < 0) {
            throw new IllegalArgumentException("count=" + count + " x bufferSize=" + size + " is over 1 GiB");
        }
        return new AlignedBufferPool(align, size, count, ctx);
    }

    /** The alignment of every buffer's address and size, in bytes (a power of two). */
    public int alignment() {
        return alignment;
    }

    /** The size of each buffer (the size asked for, rounded up to the alignment). */
    public long bufferSize() {
        return bufferSize;
    }

    /** How many buffers the pool holds. */
    public int capacity() {
        return buffers.length;
    }

    /** Buffers acquired and not yet released. */
    public int outstanding() {
        return outstanding;
    }

    /** The registered-buffer index for READ_FIXED / WRITE_FIXED (always 0), or -1 if not registered. */
    public int bufIndex() {
        return registeredWith != null ? 0 : -1;
    }

    /**
     * A free buffer, or null if all are in use. Its contents are whatever was last in it.
     *
     * @throws IllegalStateException if the pool is closed
     */
    public MemorySegment tryAcquire() {
        if (closed) {
            throw new IllegalStateException("pool is closed");
        }
        while (true) {
            long h = head;
            int top = (int) h;
            if (top == 0) {
                return null;
            }
            long nh = ((h >>> 32) + 1) << 32 | (next[top - 1] & 0xffff_ffffL);
            if (HEAD.compareAndSet(this, h, nh)) {
                OUT.getAndAdd(this, 1);
                return buffers[top - 1];
            }
        }
    }

    /**
     * Returns a buffer acquired from this pool.
     *
     * @throws IllegalArgumentException if {@code buffer} is not one of this pool's buffers
     */
    public void release(MemorySegment buffer) {
        int i = indexOf(buffer);
        OUT.getAndAdd(this, -1);
        while (true) {
            long h = head;
            next[i] = (int) h;
            long nh = ((h >>> 32) + 1) << 32 | (i + 1);
            if (HEAD.compareAndSet(this, h, nh)) {
                return;
            }
        }
    }

    private int indexOf(MemorySegment b) {
        Objects.requireNonNull(b, "buffer");
        long off = b.address() - slab.address();
        if (!b.isNative() || off < 0 || off % bufferSize != 0 || off / bufferSize >= buffers.length
                || b.byteSize() != bufferSize) {
            throw new IllegalArgumentException("buffer=" + b + " is not a buffer of this pool");
        }
        return (int) (off / bufferSize);
    }

    /**
     * Closes the pool: {@link #tryAcquire()} throws from now on. The memory comes from an
     * automatic arena and is freed by the garbage collector once neither the pool, nor any of its
     * buffers, nor a context it is registered with is reachable, so a buffer still in flight
     * can never be freed under the kernel (and {@link IoContext} reads and writes pool buffers
     * without a copy).
     *
     * @throws IllegalStateException if buffers are still acquired (they may be in flight), or the
     *     pool is registered with a context that is still open (the kernel may still use it)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (outstanding != 0) {
            throw new IllegalStateException("outstanding=" + outstanding + ": release every buffer before close");
        }
        if (registeredWith != null && registeredWith.isOpen()) {
            throw new IllegalStateException("registered with open context " + registeredWith.id() + ": close it first");
        }
        closed = true;
    }

    @Override
    public String toString() {
        return "AlignedBufferPool[" + buffers.length + " x " + bufferSize + " aligned " + alignment
                + (registeredWith != null ? ", registered" : "") + (closed ? ", closed" : "") + "]";
    }
}
