package io.aio4j;

/** Thrown when a closed context is used: submit, getEvents after its last event, openFile. */
public class ContextClosedException extends IllegalStateException {
    /**
     * An exception with this message.
     *
     * @param message says which context and which call
     */
    public ContextClosedException(String message) {
        super(message);
    }
}
