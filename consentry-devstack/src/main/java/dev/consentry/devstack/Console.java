package dev.consentry.devstack;

import java.io.PrintStream;

/**
 * The launcher's terminal output. The launcher is a command-line tool, not a service: what it prints (URLs, demo
 * tokens, progress) is for the person who started it. Services log through Quarkus instead.
 */
public final class Console {

    private static final PrintStream OUT = System.out;

    private Console() {
    }

    public static void say(String format, Object... args) {
        OUT.printf(format + "%n", args);
        OUT.flush();
    }
}
