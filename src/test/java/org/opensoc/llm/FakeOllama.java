package org.opensoc.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A fake Ollama on a loopback port that speaks the real wire format: {@code GET /api/tags} lists the models,
 * {@code POST /api/chat} answers {@code {"model", "created_at", "message": {"role", "content"}, "done"}}. It
 * records every chat request body so tests can assert exactly what the service sent. It starts "down" (no
 * model served), so tests that do not arrange a model see the embedded path.
 */
@io.quarkus.test.common.QuarkusTestResource(FakeOllama.class)
public class FakeOllama implements QuarkusTestResourceLifecycleManager {

    /** How the fake behaves for the next requests. */
    public record Behaviour(boolean serving, int status, String content, long delayMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Behaviour DOWN = new Behaviour(false, 503, "", 0);
    private static volatile Behaviour behaviour = DOWN;
    private static final List<String> CHAT_REQUESTS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** Serve the model and answer every chat with this content. */
    public static void answer(String content) {
        behaviour = new Behaviour(true, 200, content, 0);
        CHAT_REQUESTS.clear();
    }

    /** Serve the model but answer chats slowly. */
    public static void answerSlowly(String content, long delayMillis) {
        behaviour = new Behaviour(true, 200, content, delayMillis);
        CHAT_REQUESTS.clear();
    }

    /** Serve the model but fail every chat with this HTTP status. */
    public static void fail(int status) {
        behaviour = new Behaviour(true, status, "", 0);
        CHAT_REQUESTS.clear();
    }

    /** Behave as if Ollama were not running the model: tags list nothing and chats fail. */
    public static void down() {
        behaviour = DOWN;
        CHAT_REQUESTS.clear();
    }

    public static List<String> chatRequests() {
        return List.copyOf(CHAT_REQUESTS);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/tags", this::tags);
        server.createContext("/api/chat", this::chat);
        server.start();
        return Map.of("quarkus.langchain4j.ollama.base-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void tags(HttpExchange exchange) throws IOException {
        Behaviour b = behaviour;
        String body = b.serving()
                ? "{\"models\":[{\"name\":\"opensoc:latest\",\"model\":\"opensoc:latest\",\"size\":2200000000}]}"
                : "{\"models\":[]}";
        respond(exchange, 200, body);
    }

    private void chat(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        CHAT_REQUESTS.add(request);
        Behaviour b = behaviour;
        if (b.delayMillis() > 0) {
            try {
                Thread.sleep(b.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (b.status() != 200) {
            respond(exchange, b.status(), "{\"error\":\"model failed\"}");
            return;
        }
        Map<String, Object> reply = Map.of(
                "model", "opensoc",
                "created_at", "2026-01-01T00:00:00.000Z",
                "message", Map.of("role", "assistant", "content", b.content()),
                "done", true,
                "done_reason", "stop",
                "total_duration", 1_200_000_000L,
                "eval_count", 120,
                "prompt_eval_count", 80);
        respond(exchange, 200, JSON.writeValueAsString(reply));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
