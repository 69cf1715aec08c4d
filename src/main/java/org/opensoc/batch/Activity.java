package org.opensoc.batch;

/**
 * What a line does that only means something in aggregate, and so is grouped by source and log type within a
 * time window. A line doing none of these is an entry of its own. A {@code closing} activity (a success after
 * failures) joins an open group of its kind and ends it, since it is the part an analyst must not miss.
 */
public enum Activity {
    NONE(null, false),
    SSH_FAILURE("ssh-auth", false),
    SSH_SUCCESS("ssh-auth", true),
    HTTP_LOGIN_FAILURE("http-auth", false),
    HTTP_LOGIN_SUCCESS("http-auth", true),
    HTTP_PROBE("http-probe", false),
    HTTP_FLOOD("http-flood", false),
    WINDOWS_LOGON_FAILURE("windows-4625", false);

    private final String groupKind;
    private final boolean closing;

    Activity(String groupKind, boolean closing) {
        this.groupKind = groupKind;
        this.closing = closing;
    }

    /** The kind of group this activity belongs to; null for a line that stands alone. */
    public String groupKind() {
        return groupKind;
    }

    public boolean closing() {
        return closing;
    }
}
