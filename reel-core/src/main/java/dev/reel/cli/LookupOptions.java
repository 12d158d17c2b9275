package dev.reel.cli;

import dev.reel.lookup.AiClient;
import dev.reel.lookup.AiReader;
import dev.reel.lookup.TmdbClient;
import dev.reel.lookup.TmdbRefiner;
import dev.reel.organize.SecondOpinion;
import dev.reel.organize.SubjectRefiner;
import dev.reel.store.Lookups;
import dev.reel.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * {@code --lookup tmdb}, {@code --ai URL} and their settings, for the commands that identify files.
 */
final class LookupOptions {
  @Option(
      names = "--lookup",
      paramLabel = "SERVICE",
      description =
          "Look titles up online: tmdb (key from TMDB_API_KEY, or TMDB_READ_ACCESS_TOKEN). Answers"
              + " are kept in the cache (30 days; not found: 1 day).")
  String lookup;

  @Option(
      names = "--language",
      defaultValue = "en-US",
      paramLabel = "LANG",
      description = "The language of looked-up titles. Default: ${DEFAULT-VALUE}.")
  String language;

  @Option(
      names = "--min-confidence",
      defaultValue = "0.7",
      paramLabel = "C",
      description =
          "Below this (0..1) a lookup's match is a guess: its files are left alone. Default:"
              + " ${DEFAULT-VALUE}.")
  double minConfidence;

  @Option(names = "--non-strict", description = "Take a lookup's best match even when unsure.")
  boolean nonStrict;

  @Option(
      names = "--ids",
      description =
          "Put the TMDB id in show and movie folders (Plex {tmdb-603}, Jellyfin [tmdbid-603]);"
              + " with --lookup. Custom formats use the {tmdb} token.")
  boolean ids;

  @Option(
      names = "--lookup-ttl",
      paramLabel = "FOUND[,MISSING]",
      description =
          "How long answers are kept: found ones, and (after a comma) not-found ones. Default:"
              + " 30d,1d.")
  String lookupTtl;

  @Option(
      names = "--tmdb-url",
      paramLabel = "URL",
      description = "TMDB's API root (default https://api.themoviedb.org/3).")
  URI tmdbUrl;

  @Option(
      names = "--ai",
      paramLabel = "URL",
      description =
          "Read the names the parser is unsure of again with an AI model: the root of an"
              + " OpenAI-compatible API (http://localhost:11434/v1 for Ollama); key from"
              + " REEL_AI_KEY when it needs one.")
  URI ai;

  @Option(
      names = "--ai-model",
      paramLabel = "MODEL",
      description = "The model to ask, e.g. qwen2.5:7b; with --ai.")
  String aiModel;

  @Option(
      names = "--ai-batch",
      defaultValue = "50",
      paramLabel = "N",
      description = "Names per request to the model. Default: ${DEFAULT-VALUE}.")
  int aiBatch;

  /** Refuses settings that cannot work (a usage error, before any work). */
  void check() {
    if (ids && lookup == null) {
      throw new IllegalArgumentException("--ids needs --lookup tmdb: the ids come from it");
    }
    if (lookup != null && !lookup.equals("tmdb")) {
      throw new IllegalArgumentException("--lookup must be tmdb, not '" + lookup + "'");
    }
    if (ai != null && (aiModel == null || aiModel.isBlank())) {
      throw new IllegalArgumentException("--ai needs --ai-model: the model to ask");
    }
    if (ai == null && aiModel != null) {
      throw new IllegalArgumentException("--ai-model needs --ai URL: where the model answers");
    }
    if (ai != null && (ai.getScheme() == null || !ai.getScheme().startsWith("http"))) {
      throw new IllegalArgumentException("--ai must be an http(s) URL, not '" + ai + "'");
    }
    if (aiBatch < 1 || aiBatch > 1000) {
      throw new IllegalArgumentException("--ai-batch must be from 1 to 1000");
    }
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("--min-confidence must be from 0 to 1");
    }
    ttls();
  }

  /** The times to keep found and not-found answers: {@code --lookup-ttl}, else 30 and 1 days. */
  Duration[] ttls() {
    if (lookupTtl == null) {
      return new Duration[] {Duration.ofDays(30), Duration.ofDays(1)};
    }
    String[] parts = lookupTtl.split(",", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException(
          "--lookup-ttl is FOUND or FOUND,MISSING (30d or 30d,1d), not '" + lookupTtl + "'");
    }
    Duration found = dev.reel.media.DurationText.parse(parts[0]);
    Duration missing =
        parts.length == 2
            ? dev.reel.media.DurationText.parse(parts[1])
            : found.compareTo(Duration.ofDays(1)) < 0 ? found : Duration.ofDays(1);
    return new Duration[] {found, missing};
  }

  /**
   * The refiner the options ask for; {@link SubjectRefiner#NONE} without {@code --lookup}, or with
   * one warning when there is no key (the run goes on with the names alone).
   */
  SubjectRefiner refiner(Store store, Map<String, String> env, Consumer<String> warnings) {
    check();
    if (lookup == null) {
      return SubjectRefiner.NONE;
    }
    String key = env.get("TMDB_API_KEY");
    String token = env.get("TMDB_READ_ACCESS_TOKEN");
    if ((key == null || key.isBlank()) && (token == null || token.isBlank())) {
      warnings.accept(
          "--lookup tmdb needs a key: set TMDB_API_KEY (v3) or TMDB_READ_ACCESS_TOKEN (v4);"
              + " going on with the names alone");
      return SubjectRefiner.NONE;
    }
    TmdbClient.Settings defaults =
        TmdbClient.Settings.of(
            tmdbUrl == null ? TmdbClient.Settings.TMDB : tmdbUrl, key, token, language);
    Duration[] ttl = ttls();
    TmdbClient client =
        new TmdbClient(
            new TmdbClient.Settings(
                defaults.base(),
                key,
                token,
                language,
                defaults.requestsPerSecond(),
                defaults.timeout(),
                defaults.attempts(),
                ttl[0],
                ttl[1]),
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
            store == null ? null : new Lookups(store, System::currentTimeMillis),
            warnings);
    return new TmdbRefiner(client, minConfidence, !nonStrict, warnings);
  }

  /** The AI model's second reading the options ask for; {@link SecondOpinion#NONE} without --ai. */
  SecondOpinion secondOpinion(Store store, Map<String, String> env, Consumer<String> warnings) {
    check();
    if (ai == null) {
      return SecondOpinion.NONE;
    }
    Duration[] ttl = ttls();
    AiClient client =
        new AiClient(
            AiClient.Settings.of(ai, env.get("REEL_AI_KEY"), aiModel),
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
            warnings);
    return new AiReader(
        client,
        store == null ? null : new Lookups(store, System::currentTimeMillis),
        aiBatch,
        ttl[0],
        ttl[1],
        warnings);
  }
}
