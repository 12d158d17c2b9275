package dev.reel.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Asks an OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, llama.cpp's server, vLLM)
 * one question: a system and a user message, temperature 0, a JSON object asked for. Its answer is
 * the message's text, or why there is none (offline, an HTTP error, an envelope that is not the
 * endpoint's JSON). The key travels in the Authorization header only.
 */
public final class AiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How to reach the model.
   *
   * @param base the API root, {@code http://localhost:11434/v1}; {@code /chat/completions} is added
   * @param key the bearer key (REEL_AI_KEY), or null for a local server that needs none
   * @param model the model's name, {@code qwen2.5:7b}
   * @param timeout per request: a local model may take a minute for a batch
   */
  public record Settings(
      URI base,
      String key,
      String model,
      double requestsPerSecond,
      Duration timeout,
      int attempts) {
    public Settings {
      if (model == null || model.isBlank()) {
        throw new IllegalArgumentException("--ai needs --ai-model: the model to ask");
      }
    }

    /** Two requests a second at most, 3 minutes each, 3 attempts. */
    public static Settings of(URI base, String key, String model) {
      return new Settings(base, key, model, 2, Duration.ofMinutes(3), 3);
    }
  }

  /** What a question got. */
  public sealed interface Reply {
    /** The model's text. */
    record Text(String content) implements Reply {}

    /** No text; {@code why} says. */
    record Failed(String why) implements Reply {}
  }

  private final Settings settings;
  private final ServiceCalls calls;

  public AiClient(Settings settings, HttpClient http, Consumer<String> warnings) {
    this.settings = settings;
    this.calls =
        new ServiceCalls(
            "the AI endpoint",
            http,
            settings.requestsPerSecond(),
            settings.attempts(),
            "set REEL_AI_KEY to a valid key",
            warnings);
  }

  public Settings settings() {
    return settings;
  }

  /** Requests sent so far (retries included). */
  public long requests() {
    return calls.requests();
  }

  public boolean offline() {
    return calls.offline();
  }

  /** Asks the model; blocks until answered. */
  public Reply ask(String system, String user) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", settings.model());
    body.put("temperature", 0);
    body.putObject("response_format").put("type", "json_object");
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", system);
    messages.addObject().put("role", "user").put("content", user);
    URI uri = URI.create(settings.base().toString().replaceAll("/+$", "") + "/chat/completions");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (settings.key() != null && !settings.key().isBlank()) {
      request.header("Authorization", "Bearer " + settings.key());
    }
    return switch (calls.send(request.build(), "the AI endpoint " + uri.getPath())) {
      case ServiceCalls.Result.Ok ok -> content(ok.body());
      case ServiceCalls.Result.NotFound nf ->
          new Reply.Failed("HTTP 404 (is " + uri + " a chat-completions endpoint?)");
      case ServiceCalls.Result.Failed f -> new Reply.Failed(f.why());
    };
  }

  /** The first choice's message text from a chat-completions envelope. */
  static Reply content(String envelope) {
    JsonNode node;
    try {
      node = JSON.readTree(envelope);
    } catch (IOException e) {
      return new Reply.Failed("the endpoint answered something that is not JSON");
    }
    JsonNode content =
        node == null ? null : node.path("choices").path(0).path("message").get("content");
    if (content == null || !content.isTextual()) {
      return new Reply.Failed("the endpoint's answer has no choices[0].message.content");
    }
    if ("length".equals(node.path("choices").path(0).path("finish_reason").asText())) {
      return new Reply.Failed("the model's answer was cut short (finish_reason length)");
    }
    return new Reply.Text(content.asText());
  }
}
