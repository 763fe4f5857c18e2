package io.aio4j.bench;

/** The aio4j CLI entry point (skeleton; the bench command lands with issue 6). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("aio4j: the bench command is not built yet");
        System.exit(2);
    }
}
