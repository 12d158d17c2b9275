package dev.reel.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reel.concurrent.StopToken;
import dev.reel.organize.SecondOpinion;
import dev.reel.organize.Subject;
import dev.reel.progress.ProgressModel;
import dev.reel.store.Lookups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Organize's AI identification: the names the offline parser is unsure of go to a model in batches,
 * each asked for one strict JSON answer per name (type, title, year, season, episodes, extra). An
 * answer is used only when it is exactly that JSON and agrees with the name's own numbers ({@link
 * NameNumbers}); anything else is discarded and reported, never used. Answers (and "the model does
 * not know") are kept in the store's lookup cache under the model's name, so a name is asked once.
 */
public final class AiReader implements SecondOpinion {
  static final String SERVICE = "ai";

  /** Changes when the question does: older answers are then not reused. */
  static final String QUESTION_VERSION = "names-1";

  static final String INSTRUCTIONS =
      """
      You read the file names of videos for a media library (Plex, Jellyfin) and say what each \
      one is. The user sends {"names":[{"id":1,"name":"..."}, ...]}; a name may begin with the \
      folders it is in. Reply with exactly one JSON object and no other text:
      {"answers":[{"id":1,"type":"episode","title":"Show Title","year":null,"season":1,\
      "episodes":[5],"extra":false}, ...]}
      One answer per id. type is "episode" (of a TV show or anime), "movie", or "unknown" when you \
      cannot tell. title is the show's or movie's usual English title, without year or tags. year \
      is the movie's year or the show's first year, or null. season and episodes are numbers the \
      name says (a name without a season is season 1); a movie has season null and episodes []. \
      extra is false for the movie or episode itself, or one of "trailer", "featurette", \
      "behind_the_scenes", "deleted_scene", "interview", "scene", "short", "other" for a bonus \
      video. Never make up a season, an episode or a year the name does not give.""";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final AiClient client;
  private final Lookups cache;
  private final int batch;
  private final Duration found;
  private final Duration missing;
  private final Consumer<String> notes;

  /**
   * @param cache the store's lookup cache, or null to keep nothing
   * @param batch names per request ({@code --ai-batch})
   * @param found how long an answer is kept
   * @param missing how long "the model does not know" (or a discarded answer) is kept
   * @param notes one line at the end (what was read, what was discarded and why), and one per
   *     request that gave nothing usable
   */
  public AiReader(
      AiClient client,
      Lookups cache,
      int batch,
      Duration found,
      Duration missing,
      Consumer<String> notes) {
    if (batch < 1) {
      throw new IllegalArgumentException("--ai-batch must be at least 1");
    }
    this.client = client;
    this.cache = cache;
    this.batch = batch;
    this.found = found;
    this.missing = missing;
    this.notes = notes;
  }

  /** What one run did, for the closing line (and tests). */
  static final class Tally {
    int fromCache;
    int asked;
    int read;
    int unknown;
    int unanswered;
    int batches;
    final List<String> discarded = new ArrayList<>();
  }

  private Tally last = new Tally();

  Tally lastRun() {
    return last;
  }

  @Override
  public Map<String, Subject> reread(
      Map<String, Subject> doubtful, StopToken stop, ProgressModel progress) {
    Tally tally = new Tally();
    last = tally;
    progress.total(doubtful.size());
    Map<String, Subject> out = new LinkedHashMap<>();
    List<String> ask = new ArrayList<>();
    for (Map.Entry<String, Subject> e : doubtful.entrySet()) {
      Optional<Lookups.Answer> kept =
          cache == null ? Optional.empty() : cache.get(SERVICE, question(e.getKey()));
      if (kept.isEmpty()) {
        ask.add(e.getKey());
        continue;
      }
      tally.fromCache++;
      Optional<AiAnswer> a = kept.get().found() ? cached(kept.get().text()) : Optional.empty();
      if (a.isPresent()) {
        out.put(e.getKey(), subject(e.getValue(), a.get()));
        tally.read++;
        progress.ok();
      } else {
        tally.unknown++;
        progress.skipped();
      }
    }
    for (int from = 0; from < ask.size() && !stop.isStopped() && !client.offline(); from += batch) {
      List<String> names = ask.subList(from, Math.min(ask.size(), from + batch));
      tally.batches++;
      tally.asked += names.size();
      askBatch(names, doubtful, out, tally, progress);
    }
    tally.unanswered += ask.size() - tally.asked;
    if (cache != null) {
      cache.finishRun();
    }
    notes.accept(summary(doubtful.size(), tally));
    return out;
  }

  private void askBatch(
      List<String> names,
      Map<String, Subject> doubtful,
      Map<String, Subject> out,
      Tally tally,
      ProgressModel progress) {
    ObjectNode user = JSON.createObjectNode();
    ArrayNode list = user.putArray("names");
    for (int i = 0; i < names.size(); i++) {
      list.addObject().put("id", i + 1).put("name", names.get(i));
    }
    AiClient.Reply reply = client.ask(INSTRUCTIONS, user.toString());
    String content;
    switch (reply) {
      case AiClient.Reply.Failed f -> {
        tally.unanswered += names.size();
        if (!f.why().equals("offline")
            && !f.why().equals("stopped")
            && !f.why().equals("refused")) {
          notes.accept("AI: " + names.size() + " names not read: " + f.why());
        }
        for (int i = 0; i < names.size(); i++) {
          progress.failed(); // counted per name, as the answered ones are
        }
        return;
      }
      case AiClient.Reply.Text t -> content = t.content();
    }
    JsonNode answers;
    try {
      answers = answers(content);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String why =
          content.strip().startsWith("{")
              ? "the model's answer is not the JSON asked for"
              : content.contains("{")
                  ? "the model put text around its JSON"
                  : "the model's answer is not JSON";
      tally.unanswered += names.size();
      tally.discarded.add("a batch of " + names.size() + " (" + why + ")");
      notes.accept("AI: an answer for " + names.size() + " names was discarded: " + why);
      for (int i = 0; i < names.size(); i++) {
        progress.failed();
      }
      return;
    }
    Map<Integer, JsonNode> byId = new HashMap<>();
    List<Integer> twice = new ArrayList<>();
    for (JsonNode a : answers) {
      JsonNode id = a.get("id");
      if (id == null || !id.isInt() || id.asInt() < 1 || id.asInt() > names.size()) {
        tally.discarded.add("an answer for no name asked (id " + id + ")");
        continue;
      }
      if (byId.putIfAbsent(id.asInt(), a) != null) {
        twice.add(id.asInt());
      }
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      JsonNode a = byId.get(i + 1);
      if (a == null) {
        tally.unanswered++;
        progress.failed();
        continue;
      }
      String rejection = null;
      AiAnswer answer = null;
      if (twice.contains(i + 1)) {
        rejection = "answered twice";
      } else {
        try {
          answer = AiAnswer.read(a);
          rejection = new NameNumbers(name).contradiction(answer).orElse(null);
        } catch (AiAnswer.Malformed m) {
          rejection = m.getMessage();
        }
      }
      if (rejection != null) {
        tally.discarded.add("'" + name + "' (" + rejection + ")");
        remember(name, null);
        progress.failed();
      } else if (!answer.known()) {
        tally.unknown++;
        remember(name, null);
        progress.skipped();
      } else {
        remember(name, answer);
        out.put(name, subject(doubtful.get(name), answer));
        tally.read++;
        progress.ok();
      }
    }
  }

  /** The {@code answers} list of a model's text, which must be that one JSON object and no more. */
  static JsonNode answers(String content) throws JsonProcessingException {
    JsonNode node = STRICT.readTree(content);
    if (node == null || !node.isObject() || !node.path("answers").isArray()) {
      throw new IllegalArgumentException("not {\"answers\": [...]}");
    }
    return node.get("answers");
  }

  private void remember(String name, AiAnswer answer) {
    if (cache == null) {
      return;
    }
    if (answer == null) {
      cache.put(SERVICE, question(name), new Lookups.Answer(false, ""), missing.toMillis());
    } else {
      cache.put(
          SERVICE, question(name), new Lookups.Answer(true, answer.toJson(JSON)), found.toMillis());
    }
  }

  private Optional<AiAnswer> cached(String text) {
    try {
      return Optional.of(AiAnswer.read(JSON.readTree(text)));
    } catch (JsonProcessingException | AiAnswer.Malformed e) {
      return Optional.empty(); // a damaged entry: as if the model had not known
    }
  }

  /** The cache's question: the model, the question's version and the name (never a key). */
  private String question(String name) {
    return client.settings().model() + "|" + QUESTION_VERSION + "|" + name;
  }

  /** The file as the model reads it. */
  static Subject subject(Subject offline, AiAnswer a) {
    if (a.extra() != null) {
      return offline.readAs(Subject.Kind.EXTRA, a.title(), a.year(), null, List.of(), a.extra());
    }
    if (a.type().equals("episode")) {
      return offline.readAs(
          Subject.Kind.EPISODE,
          a.title(),
          a.year(),
          a.season() == null ? 1 : a.season(),
          a.episodes(),
          null);
    }
    return offline.readAs(Subject.Kind.MOVIE, a.title(), a.year(), null, List.of(), null);
  }

  private String summary(int doubtful, Tally t) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "AI (%s): %d of %d doubtful names read again (%d asked in %d batches, %d from the"
                    + " cache), %d unknown to the model",
                client.settings().model(),
                t.read,
                doubtful,
                t.asked,
                t.batches,
                t.fromCache,
                t.unknown));
    if (t.unanswered > 0) {
      b.append(String.format(Locale.ROOT, ", %d not answered", t.unanswered));
    }
    if (!t.discarded.isEmpty()) {
      b.append(String.format(Locale.ROOT, ", %d answers discarded: ", t.discarded.size()))
          .append(String.join(", ", t.discarded.subList(0, Math.min(5, t.discarded.size()))))
          .append(t.discarded.size() > 5 ? ", ..." : "");
    }
    return b.toString();
  }
}
