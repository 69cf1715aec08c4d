package org.opensoc.detect;

/**
 * What an aggregate rule counts over the lines of one entry. The rule's {@code min} is the threshold; the rule
 * file says why each threshold is what it is.
 */
public enum Counter {
    /** Most failed logins (401/403 on a path the rule's patterns call a login, 401 to a POST) from one source. */
    WEB_LOGIN_FAILURES,
    /** Most POSTs to a path the rule's patterns call a login, from one source, whatever the status. */
    LOGIN_POSTS_BY_SOURCE,
    /** Distinct user names among failed web logins (when the log names users). */
    WEB_LOGIN_DISTINCT_USERS,
    /** Login attempts per minute that an annotation of the entry reports ("[449 total attempts at 200/minute]"). */
    LOGIN_ATTEMPT_RATE,
    /**
     * Most syslog messages matching the rule's patterns from one source address (other services' failed logins:
     * mail, FTP, VPN). sshd lines are left to the SSH counters.
     */
    MESSAGES_BY_SOURCE,
    /** Most failed SSH authentications from one source, including "message repeated N times" and annotations. */
    SSH_FAILURES,
    /** Failed SSH authentications of a source that then logged in (Accepted password/publickey). */
    SSH_FAILURES_BEFORE_ACCEPTED,
    /** Most distinct targets matching the rule's patterns answered 4xx to one source (sensitive-path probing). */
    SENSITIVE_TARGETS_BY_SOURCE,
    /** Most distinct targets answered 404 to one source, less those the rule's {@code unless} excludes. */
    NOT_FOUND_TARGETS_BY_SOURCE,
    /** Most responses 429 or 503 to one source (the server shedding its load). */
    FLOOD_RESPONSES,
    /** Most requests one source made within one second, by the lines' own timestamps. */
    REQUESTS_IN_ONE_SECOND,
    /** Requests per second that an annotation reports. */
    ANNOTATED_REQUEST_RATE,
    /** Largest 2xx response, in bytes, to a target matching the rule's patterns (export, backup, dump). */
    LARGE_RESPONSE_BYTES,
    /** Bytes of a single transfer that an annotation reports ("[Single request transferring 5000KB ...]"). */
    ANNOTATED_TRANSFER_BYTES,
    /** Most distinct destination ports one source touched in firewall lines (port scan). */
    FIREWALL_DISTINCT_PORTS
}
