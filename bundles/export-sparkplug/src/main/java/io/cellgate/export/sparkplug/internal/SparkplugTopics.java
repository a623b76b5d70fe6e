package io.cellgate.export.sparkplug.internal;

/** Sparkplug B 3.0 topics: {@code spBv1.0/<group>/<type>/<node>[/<device>]} and the host's {@code spBv1.0/STATE/<host>}. */
record SparkplugTopics(String group, String node) {

    static final String NAMESPACE = "spBv1.0";

    String node(String type) {
        return NAMESPACE + "/" + group + "/" + type + "/" + node;
    }

    String device(String type, String device) {
        return node(type) + "/" + device;
    }

    static String state(String host) {
        return NAMESPACE + "/STATE/" + host;
    }

    /** The device a DCMD names, or null when {@code topic} is no DCMD of this node. */
    String commandedDevice(String topic) {
        String prefix = node("DCMD") + "/";
        return topic.startsWith(prefix) && topic.indexOf('/', prefix.length()) < 0 ? topic.substring(prefix.length())
                : null;
    }
}
