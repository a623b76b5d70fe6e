package io.cellgate.export.mqtt.internal;

/** Every topic the exporter publishes to; cells and pairs numbered from 1, as in the shell. */
record Topics(String prefix, String gatewayId, String discoveryPrefix) {

    static final String ONLINE = "online";
    static final String OFFLINE = "offline";

    String state(String pack) {
        return prefix + "/" + pack + "/state";
    }

    /** @param cell numbered from 1 */
    String cell(String pack, int cell) {
        return prefix + "/" + pack + "/cell/" + cell;
    }

    /** @param pair numbered from 1: pair 1 joins cells 1 and 2 */
    String pair(String pack, int pair) {
        return prefix + "/" + pack + "/pair/" + pair;
    }

    String board(String pack) {
        return prefix + "/" + pack + "/board";
    }

    /** The pack's insight: its alerts, findings and notes. */
    String insight(String pack) {
        return prefix + "/" + pack + "/insight";
    }

    /** @param cell numbered from 1: the cell's estimates and its balancing ledger */
    String cellInsight(String pack, int cell) {
        return prefix + "/" + pack + "/cell/" + cell + "/insight";
    }

    /** The gateway's last will: {@value #ONLINE} while connected, {@value #OFFLINE} once gone. */
    String availability() {
        return prefix + "/" + gatewayId + "/availability";
    }

    String discovery(String uniqueId) {
        return discoveryPrefix + "/sensor/" + uniqueId + "/config";
    }

    /** The discovery topic of a Home Assistant binary sensor. */
    String binaryDiscovery(String uniqueId) {
        return discoveryPrefix + "/binary_sensor/" + uniqueId + "/config";
    }

    /** The discovery topic of the pack's model select. */
    String selectDiscovery(String uniqueId) {
        return discoveryPrefix + "/select/" + uniqueId + "/config";
    }

    /** Where Home Assistant publishes the model chosen for {@code pack}. */
    String modelCommand(String pack) {
        return prefix + "/" + pack + "/model/set";
    }

    /** Every pack's model command topic, to subscribe to. */
    String modelCommands() {
        return prefix + "/+/model/set";
    }

    /** The pack a model command is for, or null when {@code topic} is none. */
    String packOfModelCommand(String topic) {
        String start = prefix + "/";
        String end = "/model/set";
        if (!topic.startsWith(start) || !topic.endsWith(end) || topic.length() <= start.length() + end.length()) {
            return null;
        }
        String pack = topic.substring(start.length(), topic.length() - end.length());
        return pack.contains("/") ? null : pack;
    }
}
