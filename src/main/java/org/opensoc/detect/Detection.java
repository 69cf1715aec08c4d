package org.opensoc.detect;

import java.util.Map;

/**
 * One rule that fired on an entry: whether the log shows the attack worked, the raw span that supports it
 * (offsets into the entry as received) and the facts (source, user, path, count) its evidence and playbook use.
 */
record Detection(Rule rule, boolean success, int start, int end, Map<String, String> facts) {

    static final String SOURCE = "source";
    static final String USER = "user";
    static final String PATH = "path";
    static final String COUNT = "count";
    static final String STATUS = "status";
}
