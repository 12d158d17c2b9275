package dev.reel.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reel.http.TestHttpServer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Answering like an OpenAI-compatible chat-completions endpoint on the test server (the envelope as
 * OpenAI's API reference describes it): the names a request asks about, and the envelope around a
 * model's text.
 */
public final class AiFake {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AiFake() {}

  /** The request's body as JSON. */
  public static JsonNode body(TestHttpServer.Request req) {
    try {
      return JSON.readTree(req.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names the user message asks about, in id order (id 1 first). */
  public static List<String> names(TestHttpServer.Request req) {
    JsonNode messages = body(req).path("messages");
    String user = messages.path(messages.size() - 1).path("content").asText();
    List<String> out = new ArrayList<>();
    try {
      for (JsonNode n : JSON.readTree(user).path("names")) {
        out.add(n.path("name").asText());
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** A chat completion whose one choice's message is {@code content}. */
  public static String envelope(String content) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "test-model");
    ObjectNode choice = o.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    return o.toString();
  }

  /** One answer object, as a model is asked to give it. */
  public static String answer(
      int id, String type, String title, Integer year, Integer season, List<Integer> episodes) {
    ObjectNode a = JSON.createObjectNode();
    a.put("id", id).put("type", type).put("title", title).put("year", year).put("season", season);
    episodes.forEach(a.putArray("episodes")::add);
    a.put("extra", false);
    return a.toString();
  }
}
