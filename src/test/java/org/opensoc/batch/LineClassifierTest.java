package org.opensoc.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LineClassifierTest {

    private final LineClassifier classifier = new LineClassifier(false);

    @Test
    void namesTheActivitiesThatGroup() {
        assertEquals(Activity.HTTP_LOGIN_FAILURE, classifier.classify(
                "1.2.3.4 - - [16/Mar/2025:01:05:33] \"POST /wp-login.php HTTP/1.1\" 401 0 \"-\" \"curl\"").activity());
        assertEquals(Activity.HTTP_PROBE, classifier.classify(
                "1.2.3.4 - - [16/Mar/2025:01:05:33] \"GET /.env HTTP/1.1\" 404 0 \"-\" \"nmap\"").activity());
        assertEquals(Activity.HTTP_FLOOD, classifier.classify(
                "1.2.3.4 - - [16/Mar/2025:01:05:33] \"GET /search HTTP/1.1\" 503 0 \"-\" \"x\"").activity());
        assertEquals(Activity.NONE, classifier.classify(
                "1.2.3.4 - - [16/Mar/2025:01:05:33] \"GET / HTTP/1.1\" 200 10 \"-\" \"x\"").activity());
        LineFacts ssh = classifier.classify("Mar  5 01:05:33 web01 sshd[1234]: Failed password for root from 10.0.0.9 port 22 ssh2");
        assertEquals(Activity.SSH_FAILURE, ssh.activity());
        assertEquals("10.0.0.9", ssh.source());
        assertEquals("auth", ssh.logType());
        assertNotNull(ssh.time());
        assertEquals(Activity.SSH_SUCCESS, classifier.classify(
                "Mar 15 01:05:33 web01 sshd[1234]: Accepted password for root from 10.0.0.9 port 22 ssh2").activity());
        assertEquals(Activity.WINDOWS_LOGON_FAILURE, classifier.classify("EventID: 4625").activity());
        assertEquals(Activity.WINDOWS_LOGON_FAILURE,
                classifier.classify("2025-03-15T02:14:01Z host EventCode=4625 IpAddress=10.1.1.1 Account=bob").activity());
    }

    @Test
    void tellsRecordStartsFieldsContinuationsAndBlanksApart() {
        assertEquals(LineFacts.Shape.RECORD_START, classifier.classify("EventID: 4688").shape());
        assertEquals(LineFacts.Shape.FIELD, classifier.classify("Source IP: 198.51.100.77").shape());
        assertEquals("198.51.100.77", classifier.classify("Source IP: 198.51.100.77").source());
        assertEquals(LineFacts.Shape.CONTINUATION, classifier.classify("    at com.example.Main(Main.java:1)").shape());
        assertEquals(LineFacts.Shape.CONTINUATION, classifier.classify("[10000 requests/second from this IP]").shape());
        assertEquals(LineFacts.Shape.LINE, classifier.classify("[2025-03-15 01:00:00] ERROR boom").shape());
        assertEquals(LineFacts.Shape.BLANK, classifier.classify("   ").shape());
        assertEquals("text", classifier.classify("something 10.2.3.4 did").logType());
        assertEquals("10.2.3.4", classifier.classify("something 10.2.3.4 did").source());
    }
}
