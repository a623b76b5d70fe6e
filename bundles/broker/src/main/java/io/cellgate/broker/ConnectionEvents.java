package io.cellgate.broker;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * What a broker connection reports, queued from Paho's threads for the one thread that owns the connection (an
 * exporter's loop), which each report wakes from its {@link LockSupport#parkNanos park}. The owner handles them in
 * order with {@link #poll}, so that no connection state is touched from two threads.
 */
public final class ConnectionEvents implements PahoClient.Events {

    /** What happened. */
    public enum Kind { CONNECTED, CONNECT_FAILED, LOST, READY, ARRIVED }

    /** One report: a cause for a failure or a loss, a topic and payload for an arrival. */
    public record Event(Kind kind, Throwable cause, String topic, byte[] payload) {
    }

    private final Queue<Event> queue = new ConcurrentLinkedQueue<>();
    private volatile Thread owner;

    /** From now on each report wakes {@code thread}; null: none. */
    public void wakes(Thread thread) {
        owner = thread;
    }

    /** The oldest report not handled yet, or null. */
    public Event poll() {
        return queue.poll();
    }

    @Override
    public void connected() {
        add(new Event(Kind.CONNECTED, null, null, null));
    }

    @Override
    public void connectFailed(Throwable cause) {
        add(new Event(Kind.CONNECT_FAILED, cause, null, null));
    }

    @Override
    public void lost(Throwable cause) {
        add(new Event(Kind.LOST, cause, null, null));
    }

    @Override
    public void ready() {
        add(new Event(Kind.READY, null, null, null));
    }

    @Override
    public void arrived(String topic, byte[] payload) {
        add(new Event(Kind.ARRIVED, null, topic, payload));
    }

    private void add(Event e) {
        queue.add(e);
        Thread t = owner;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
