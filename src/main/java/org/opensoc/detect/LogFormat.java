package org.opensoc.detect;

/** The shapes of log line the detector recognizes; anything else is {@link #GENERIC}. */
public enum LogFormat {
    /** Apache/Nginx common or combined, with or without a time zone in the timestamp. */
    WEB_ACCESS,
    /** BSD syslog, RFC 3164 ("Mar 15 01:05:33 host sshd[1234]: ..."), or the ISO-timestamp variant of rsyslog. */
    SYSLOG_RFC3164,
    /** IETF syslog, RFC 5424 ("<34>1 2025-03-15T01:05:33Z host app - - - msg"). */
    SYSLOG_RFC5424,
    /** A Windows event: a "Key: Value" block (Event Viewer text, Get-WinEvent), key=value pairs or one-line XML. */
    WINDOWS_EVENT,
    /** iptables/ufw/netfilter lines (SRC= DST= DPT=). */
    FIREWALL,
    /** One JSON object per line, with common field names (ECS, nginx JSON, CloudFront-like). */
    JSON,
    /** A CSV row under a header line of the same entry. */
    CSV,
    /** A bracketed note that summarizes what the lines around it do: "[1000 requests/second from this IP]". */
    ANNOTATION,
    /** Unknown shape: the whole line is the message. */
    GENERIC
}
