package org.opensoc.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** WAF-style normalization, one transformation at a time. */
class PayloadDecoderTest {

    @Test
    void decodesRepeatedPercentEncodingAndPlus() {
        assertEquals("../etc/passwd", PayloadDecoder.normalize("%252e%252e%252fetc%252fpasswd"));
        assertEquals("union select", PayloadDecoder.normalize("UNION+SELECT"));
    }

    @Test
    void decodesPercentUAndHtmlEntities() {
        assertEquals("<script>", PayloadDecoder.normalize("%u003cscript%u003e"));
        assertEquals("<script>", PayloadDecoder.normalize("&lt;script&gt;"));
        assertEquals("<script>", PayloadDecoder.normalize("&#60;script&#x3E;"));
        assertEquals("<script", PayloadDecoder.normalize("&#60script"));
    }

    @Test
    void removesNullsAndCommentsAndKeepsVersionedCommentBodies() {
        assertEquals("union select", PayloadDecoder.normalize("UNION/**/SELECT"));
        assertEquals("etc/passwd", PayloadDecoder.normalize("etc/pass%00wd"));
        assertEquals("1 union select 1", PayloadDecoder.normalize("1/*!50000UNION*//*!SELECT*/1"));
    }

    @Test
    void normalizesPathsButKeepsTheDotDotEvidence() {
        assertEquals("../../windows/win.ini", PayloadDecoder.normalize("..\\..\\Windows\\win.ini"));
        assertEquals("..../..../etc", PayloadDecoder.normalize("....//....//etc"));
        assertEquals("/a/b", PayloadDecoder.normalize("/a/./b"));
    }

    @Test
    void leavesMalformedEscapesAsTheyAre() {
        assertEquals("100%", PayloadDecoder.normalize("100%"));
        assertEquals("%zz &bogus;", PayloadDecoder.normalize("%zz &bogus;"));
    }
}
