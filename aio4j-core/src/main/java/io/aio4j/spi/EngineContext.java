package io.aio4j.spi;

import io.aio4j.FileOption;
import io.aio4j.IoRequest;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One context of an engine: what {@link io.aio4j.IoContext} drives.
 *
 * <p>Threading contract, held by the core: {@link #submit} and {@link #cancel} and
 * {@link #registerBuffers} are never called concurrently with each other; {@link #reap} is never
 * called concurrently with itself; submit and reap may run at the same time on two threads.
 * {@link #wakeup()} may be called from any thread at any time. {@link #close} is called once,
 * with no submit or reap running.
 *
 * <p>Requests reach the engine validated: file open with the needed access, offset {@code >= 0},
 * buffers native and alive, fixed buffers inside their registered range. The core never has more
 * than {@code entries} requests in flight. Results are {@code >= 0} or {@code -errno}; an engine
 * never throws from submit or reap.
 */
public interface EngineContext {
    /**
     * Starts requests {@code [offset, offset+count)} in order.
     *
     * @param requests validated requests, each with its {@link IoRequest#tag()} set
     * @param offset the index of the first
     * @param count how many
     * @return how many were accepted, a prefix; fewer than {@code count} only when the engine is
     *     out of room. An accepted request yields exactly one completion, errors included.
     *     Never blocks on I/O.
     */
    int submit(IoRequest[] requests, int offset, int count);

    /**
     * Delivers up to {@code max} completions to {@code sink}, waiting until at least {@code min}
     * were delivered, {@code timeoutNanos} passed ({@code < 0}: no limit, 0: do not wait), or
     * {@link #wakeup()} was called. May return early; the core loops.
     *
     * @param sink where each completion goes, one call per finished request
     * @param max the most completions to deliver
     * @param min how many to wait for
     * @param timeoutNanos how long to wait at most; {@code < 0} without limit, 0 not at all
     * @return the number delivered
     */
    int reap(CompletionSink sink, int max, int min, long timeoutNanos);

    /**
     * Makes a reap that is waiting now, or the next one to wait, return promptly. Sticky: a wakeup
     * with nobody waiting is not lost.
     */
    void wakeup();

    /**
     * Tries to cancel a request in flight.
     *
     * @param request a request this engine accepted and has not completed to the core yet
     * @return 0 if it will complete (or has completed) with -ECANCELED; else {@code -EALREADY}
     *     (it is running), {@code -ENOENT} (it has finished) or {@code -EINVAL} (this engine cannot
     *     cancel it)
     */
    int cancel(IoRequest request);

    /**
     * Registers native buffers for READ_FIXED / WRITE_FIXED.
     *
     * @param buffers native buffers, alive until the context closes
     * @return 0 or {@code -errno} (-EBUSY if already registered, -ENOMEM over the memlock limit)
     */
    int registerBuffers(MemorySegment[] buffers);

    /**
     * Opens a file for this context.
     *
     * @param path the file
     * @param options how to open it (READ or WRITE already settled by the core)
     * @return the engine's handle; the core counts references and closes it once
     * @throws IOException as the JDK would throw it (NoSuchFileException, AccessDeniedException...)
     */
    EngineFile openFile(Path path, Set<FileOption> options) throws IOException;

    /**
     * Tears down, with io_destroy's semantics: cancels what it can, waits for every request in
     * flight, delivers each one's completion to {@code drain} (its result, or -ECANCELED), and
     * releases every resource. Returns in bounded time: it never waits on the caller.
     *
     * @param drain receives the completion of every request still in flight
     */
    void close(CompletionSink drain);

    /**
     * After {@link #close}: whether it returned with requests the kernel still owns, which it
     * reported cancelled because it could not wait for them (io_uring closed by a thread other
     * than a SINGLE_ISSUER ring's issuer). The kernel may still write into their memory, so the
     * core must never free it. False for engines whose close always waits.
     */
    default boolean leftRequestsToKernel() {
        return false;
    }

    /** {@return the options this context could not honour exactly, each saying what it does instead} */
    List<String> downgrades();

    /** {@return an eventfd signalled on completions, for callers with their own event loop, or -1} */
    default int eventFd() {
        return -1;
    }
}
