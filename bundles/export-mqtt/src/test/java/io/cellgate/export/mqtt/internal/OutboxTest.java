package io.cellgate.export.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OutboxTest {

    private static Message m(int n) {
        return Message.retained("t/" + n, "{}");
    }

    @Test
    void keepsOrderAndDropsTheOldestWhenFull() {
        Outbox box = new Outbox(3);
        for (int i = 1; i <= 5; i++) {
            box.add(m(i));
        }
        assertEquals(2, box.dropped(), "messages 1 and 2 went");
        assertEquals(3, box.size());
        for (int i = 3; i <= 5; i++) {
            assertEquals("t/" + i, box.peek().topic());
            box.remove();
        }
        assertNull(box.peek());
        assertEquals(0, box.size());
        assertEquals(2, box.dropped(), "the count stays");
    }
}
