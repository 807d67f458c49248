package dev.consentry.platform.messaging;

import java.util.List;

/** A consumer whose dead letters an operator can re-drive ({@link dev.consentry.platform.deadletter.DeadLetterRedrive}). */
public interface RedrivableConsumer {

    /** One effect per channel the consumer reads. */
    List<ConsumerEffect> effects();
}
