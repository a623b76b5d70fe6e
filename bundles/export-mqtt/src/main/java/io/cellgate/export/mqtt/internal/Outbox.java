package io.cellgate.export.mqtt.internal;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded buffer between formatting and the broker: first in, first out; when full the oldest message goes and
 * is counted. Used by the publish thread only; the counters may be read from anywhere.
 */
final class Outbox {

    private final ArrayDeque<Message> queue;
    private final int capacity;
    private final AtomicLong dropped = new AtomicLong();
    private volatile int size;

    Outbox(int capacity) {
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    void add(Message m) {
        if (queue.size() == capacity) {
            queue.pollFirst();
            dropped.incrementAndGet();
        }
        queue.addLast(m);
        size = queue.size();
    }

    Message peek() {
        return queue.peekFirst();
    }

    void remove() {
        queue.pollFirst();
        size = queue.size();
    }

    /** Takes out every message to one of {@code topics}: they would bring back what is being cleared. */
    void removeTopics(Set<String> topics) {
        queue.removeIf(m -> topics.contains(m.topic()));
        size = queue.size();
    }

    int size() {
        return size;
    }

    long dropped() {
        return dropped.get();
    }
}
