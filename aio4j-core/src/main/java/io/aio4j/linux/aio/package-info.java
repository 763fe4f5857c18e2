/**
 * The Linux native AIO engine ({@link io.aio4j.Engine#LINUX_AIO}): io_setup, io_submit,
 * io_getevents, io_cancel and io_destroy through FFM, on {@code struct iocb} / {@code io_event}.
 *
 * <ul>
 * <li>{@link io.aio4j.linux.aio.LinuxAioProvider}: the ServiceLoader entry and availability probe.
 * <li>{@code LinuxAioContext}: routes each request (kernel, inline, workers), reaps, cancels,
 *     closes with io_destroy's semantics.
 * <li>{@code KernelAio}: one kernel context, batched io_submit, completions from the user-space
 *     ring ({@code AioRingReader}: header check, acquire/release indexes, two-chunk copy) or
 *     io_getevents.
 * <li>{@code CompletionEventFd}: the per-context eventfd (IOCB_FLAG_RESFD), the one wait point.
 * <li>{@code Workers}, {@code WorkQueue}, {@code QueuedWork}: seed 002's SQ workqueue for
 *     buffered files, with link chains and DRAIN emulated; {@code BufferedMode} says what goes
 *     where and how to ask for inline.
 * <li>{@code UserCompletions}: completions made in user space.
 * </ul>
 */
package io.aio4j.linux.aio;
