package io.aio4j.spi;

/**
 * Whether an engine works here.
 *
 * @param available true when contexts can be opened
 * @param reason when unavailable, why (e.g. {@code "io_uring_setup: EPERM (Operation not permitted):
 *     kernel.io_uring_disabled=2"}); when available, a short description (kernel version, features)
 */
public record Availability(boolean available, String reason) {
    /**
     * Available.
     *
     * @param description what is available (kernel version, features)
     * @return an available answer
     */
    public static Availability yes(String description) {
        return new Availability(true, description);
    }

    /**
     * Unavailable.
     *
     * @param reason why, naming the call and errno where there is one
     * @return an unavailable answer
     */
    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
