package io.aio4j.bench.run;

/** Says what a job does next: the op of the next I/O and its offset. Called by the job thread only; allocates nothing. */
interface IoSource {
    /** A read. */
    int READ = 0;
    /** A write. */
    int WRITE = 1;
    /** An fsync. */
    int FSYNC = 2;
    /** Nothing more to issue. */
    int DONE = 3;
    /** Nothing to issue until an I/O in flight completes (see {@link NoOverlapSource}). */
    int WAIT = 4;

    /** The next op ({@link #READ}, {@link #WRITE}, {@link #FSYNC}), {@link #DONE} or {@link #WAIT}. */
    int next();

    /** The offset of the I/O {@link #next()} just returned. */
    long offset();
}
