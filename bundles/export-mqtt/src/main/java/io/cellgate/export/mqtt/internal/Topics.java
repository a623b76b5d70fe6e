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

    /** The gateway's last will: {@value #ONLINE} while connected, {@value #OFFLINE} once gone. */
    String availability() {
        return prefix + "/" + gatewayId + "/availability";
    }

    String discovery(String uniqueId) {
        return discoveryPrefix + "/sensor/" + uniqueId + "/config";
    }
}
