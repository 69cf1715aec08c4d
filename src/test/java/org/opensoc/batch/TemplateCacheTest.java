package org.opensoc.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TemplateCacheTest {

    @Test
    void masksAddressesTimestampsAndNumbersButKeepsTheHttpStatus() {
        String a = "10.0.0.21 - - [18/Mar/2025:16:22:58] \"GET /item/42 HTTP/1.1\" 200 1366 \"-\" \"Mozilla/5.0\"";
        String b = "172.16.9.1 - - [19/Mar/2025:03:01:07] \"GET /item/77 HTTP/1.1\" 200 90 \"-\" \"Mozilla/5.0\"";
        String failed = "172.16.9.1 - - [19/Mar/2025:03:01:07] \"GET /item/77 HTTP/1.1\" 404 90 \"-\" \"Mozilla/5.0\"";
        assertEquals(TemplateCache.template(a), TemplateCache.template(b));
        assertNotEquals(TemplateCache.template(a), TemplateCache.template(failed));
        assertTrue(TemplateCache.template(a).contains(" 200 "));
    }

    @Test
    void keepsTheMagnitudeOfLargeCounts() {
        assertNotEquals(TemplateCache.template("sent 50000000 bytes"), TemplateCache.template("sent 5000 bytes"));
    }

    @Test
    void analyzesEachTemplateOnceAndReportsHits() {
        TemplateCache<String> cache = new TemplateCache<>(10);
        AtomicInteger calls = new AtomicInteger();
        assertFalse(cache.get("Failed password from 10.0.0.1 port 2222", t -> "v" + calls.incrementAndGet()).hit());
        TemplateCache.Lookup<String> second = cache.get("Failed password from 10.9.9.9 port 51000", t -> "v" + calls.incrementAndGet());
        assertTrue(second.hit());
        assertEquals("v1", second.value());
        assertEquals(1, calls.get());
    }

    @Test
    void forgetsTheLeastRecentlyUsedTemplatePastItsCapacity() {
        TemplateCache<String> cache = new TemplateCache<>(1);
        cache.get("alpha", t -> t);
        cache.get("beta", t -> t);
        assertFalse(cache.get("alpha", t -> t).hit());
    }
}
