package io.aio4j.channels;

import io.aio4j.async.IoDispatcher;
import java.io.IOException;
import java.nio.channels.Channel;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Future of a channel operation, with the JDK's PendingFuture semantics: {@code cancel}
 * only marks it cancelled (the I/O itself is not stopped), and with
 * {@code mayInterruptIfRunning} it also closes the channel. Waiting parks the caller (a virtual
 * thread unmounts); on the dispatcher's completion thread it keeps reaping meanwhile.
 */
final class ChannelFuture<V> implements Future<V> {
    private final IoDispatcher dispatcher;
    private final Channel channel;
    private V value;
    private Throwable failure;
    private volatile boolean done;

    ChannelFuture(IoDispatcher dispatcher, Channel channel) {
        this.dispatcher = dispatcher;
        this.channel = channel;
    }

    static <V> ChannelFuture<V> completed(V value, Throwable failure) {
        ChannelFuture<V> f = new ChannelFuture<>(null, null);
        f.set(value, failure);
        return f;
    }

    /** Completes it, once; later calls (e.g. after a cancel) are ignored. */
    synchronized boolean set(V v, Throwable t) {
        if (done) {
            return false;
        }
        value = v;
        failure = t;
        done = true;
        notifyAll();
        return true;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (!set(null, new CancellationException())) {
            return false;
        }
        if (mayInterruptIfRunning && channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // as the JDK: a forceful cancel closes the channel, and its errors are not the caller's
            }
        }
        return true;
    }

    @Override
    public boolean isCancelled() {
        return done && failure instanceof CancellationException;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
        if (!done && dispatcher != null && dispatcher.isCompletionThread()) {
            dispatcher.helpUntil(this::isDone);
        }
        synchronized (this) {
            while (!done) {
                wait();
            }
        }
        return report();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        if (!done && dispatcher != null && dispatcher.isCompletionThread()) {
            dispatcher.helpUntil(() -> done || System.nanoTime() - deadline >= 0);
        }
        synchronized (this) {
            long left;
            while (!done && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            if (!done) {
                throw new TimeoutException();
            }
        }
        return report();
    }

    private V report() throws ExecutionException {
        Throwable t = failure;
        if (t instanceof CancellationException c) {
            throw c;
        }
        if (t != null) {
            throw new ExecutionException(t);
        }
        return value;
    }
}
