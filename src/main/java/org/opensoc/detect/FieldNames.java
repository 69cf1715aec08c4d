package org.opensoc.detect;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The field names JSON lines, CSV headers and key=value events use for the same thing, mapped to the canonical
 * names of {@link LogLine}. Keys are compared lower-case with '.', '-' and ' ' removed, so "user_agent",
 * "User-Agent", "http.user_agent" and "UserAgent" are one name.
 */
final class FieldNames {

    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        alias(LogLine.SOURCE, "src", "srcip", "src_ip", "sourceip", "source_ip", "sourceaddress", "clientip", "client_ip",
                "client", "remoteaddr", "remote_addr", "remoteip", "ip", "ipaddress", "sourcenetworkaddress", "c_ip",
                "sourceip", "clientaddress");
        alias(LogLine.DESTINATION, "dst", "dstip", "dst_ip", "destinationip", "destip", "dest_ip", "serverip");
        alias(LogLine.USER, "user", "username", "user_name", "usr", "account", "accountname", "targetusername", "login",
                "email", "subjectusername", "userid");
        alias(LogLine.METHOD, "method", "httpmethod", "http_method", "requestmethod", "request_method", "verb",
                "cs_method", "httprequestmethod");
        alias(LogLine.TARGET, "uri", "url", "path", "requesturi", "request_uri", "requestpath", "urloriginal", "cs_uri",
                "cs_uri_stem", "request", "query", "querystring", "query_string", "urlpath", "target", "payload", "body");
        alias(LogLine.STATUS, "status", "statuscode", "status_code", "httpstatus", "http_status", "response",
                "responsecode", "sc_status", "httpresponsestatuscode", "responsestatus");
        alias(LogLine.BYTES, "bytes", "bytessent", "bytes_sent", "bodybytessent", "body_bytes_sent", "size",
                "responsesize", "sc_bytes", "httpresponsebodybytes", "contentlength", "length");
        alias(LogLine.AGENT, "agent", "useragent", "user_agent", "httpuseragent", "http_user_agent", "ua",
                "useragentoriginal", "cs_user_agent", "csuseragent");
        alias(LogLine.REFERER, "referer", "referrer", "httpreferer", "http_referer");
        alias(LogLine.TIME, "time", "timestamp", "@timestamp", "datetime", "dateandtime", "date", "ts", "timecreated", "timegenerated");
        alias(LogLine.HOST, "host", "hostname", "computer", "computername", "workstation", "workstationname");
        alias(LogLine.MESSAGE, "message", "msg", "log", "description", "text", "event", "eventmessage");
        alias(LogLine.EVENT_ID, "eventid", "event_id", "eventcode", "winlogeventid");
        alias(LogLine.LOGON_TYPE, "logontype", "logon_type");
        alias(LogLine.COMMAND_LINE, "commandline", "command_line", "processcommandline", "newprocessname", "cmd",
                "processname", "image", "servicefilename", "imagepath", "taskcontent", "taskname", "servicename");
        alias(LogLine.DEST_PORT, "dpt", "dstport", "dst_port", "destport", "destinationport");
        alias(LogLine.PROGRAM, "program", "app", "appname", "process", "ident", "syslogidentifier");
    }

    private FieldNames() {
    }

    private static void alias(String canonical, String... names) {
        for (String n : names) {
            CANONICAL.putIfAbsent(key(n), canonical);
        }
    }

    static String key(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '.' && c != '-' && c != ' ' && c != '_' && c != '@') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** The canonical name for a field name, or null when it is not one we know. */
    static String canonical(String name) {
        return CANONICAL.get(key(name));
    }
}
