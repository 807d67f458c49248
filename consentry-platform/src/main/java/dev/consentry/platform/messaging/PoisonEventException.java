package dev.consentry.platform.messaging;

/**
 * An event that can never be processed (not a CloudEvent, unknown type, missing fields, refers to nothing). The
 * channel's failure strategy sends it to the dead-letter topic with this message as the reason, and the consumer goes
 * on. The message names what is wrong, never a value from the event.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason, null, false, false);
    }
}
