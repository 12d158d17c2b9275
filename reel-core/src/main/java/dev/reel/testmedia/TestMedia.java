package dev.reel.testmedia;

import dev.reel.media.EncodeSpec;
import dev.reel.media.HdrTransfer;
import dev.reel.media.MediaEncoder;
import dev.reel.media.PcmSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A recipe for one synthetic media file, built fluently and written with {@link #write}.
 *
 * <p>Defaults: 320x240 at 25 fps for 2 seconds with the container's usual codecs, stereo 48 kHz
 * audio carrying a -20 dBFS 440 Hz tone, English audio and no video language.
 */
public final class TestMedia {
  private final Container container;
  private String videoCodec;
  private int width = 320;
  private int height = 240;
  private double fps = 25;
  private double seconds = 2;
  private boolean withAudio = true;
  private String audioCodec;
  private int sampleRate = 48_000;
  private int channels = 2;
  private PcmSource audio = LoudnessEnvelope.tone(440, -20);
  private String videoLanguage;
  private String audioLanguage = "eng";
  private String videoTitle;
  private String audioTitle;
  private int rotation;
  private HdrTransfer hdr = HdrTransfer.NONE;
  private long seed = 1;
  private Breakage breakage;
  private final java.util.List<EncodeSpec.SubtitleTrack> subtitles = new java.util.ArrayList<>();
  private int chapters;

  private TestMedia(Container container) {
    this.container = container;
    this.videoCodec = container.videoCodec();
    this.audioCodec = container.audioCodec();
  }

  /** A recipe for a file in the given container, e.g. {@code "mkv"}. */
  public static TestMedia of(String container) {
    return new TestMedia(Container.of(container));
  }

  public static TestMedia of(Container container) {
    return new TestMedia(container);
  }

  public Container container() {
    return container;
  }

  public TestMedia videoCodec(String codec) {
    this.videoCodec = codec;
    return this;
  }

  public TestMedia size(int w, int h) {
    this.width = w;
    this.height = h;
    return this;
  }

  public TestMedia fps(double f) {
    this.fps = f;
    return this;
  }

  public TestMedia seconds(double s) {
    this.seconds = s;
    return this;
  }

  public TestMedia noAudio() {
    this.withAudio = false;
    return this;
  }

  public TestMedia noVideo() {
    this.videoCodec = null;
    return this;
  }

  public TestMedia audioCodec(String codec) {
    this.audioCodec = codec;
    return this;
  }

  public TestMedia audio(int rate, int ch) {
    this.sampleRate = rate;
    this.channels = ch;
    return this;
  }

  public TestMedia envelope(PcmSource source) {
    this.audio = source;
    return this;
  }

  public TestMedia languages(String video, String audioLang) {
    this.videoLanguage = video;
    this.audioLanguage = audioLang;
    return this;
  }

  public TestMedia titles(String video, String audioTitleText) {
    this.videoTitle = video;
    this.audioTitle = audioTitleText;
    return this;
  }

  public TestMedia rotation(int clockwiseDegrees) {
    this.rotation = clockwiseDegrees;
    return this;
  }

  public TestMedia hdr(HdrTransfer transfer) {
    this.hdr = transfer;
    return this;
  }

  /** Adds a text subtitle track (mkv and webm). */
  public TestMedia subtitle(String language, String title, boolean forced) {
    subtitles.add(new EncodeSpec.SubtitleTrack(language, title, forced));
    return this;
  }

  /** Marks {@code count} chapters of equal length. */
  public TestMedia chapters(int count) {
    this.chapters = count;
    return this;
  }

  /** Makes the picture (and so the file) differ from files with other seeds. */
  public TestMedia seed(long s) {
    this.seed = s;
    return this;
  }

  /** Writes a broken variant instead of the good file. */
  public TestMedia broken(Breakage b) {
    this.breakage = b;
    return this;
  }

  /** The encoder's spec for this recipe, writing to {@code target}. */
  public EncodeSpec spec(Path target) {
    EncodeSpec.VideoTrack video =
        videoCodec == null
            ? null
            : new EncodeSpec.VideoTrack(
                videoCodec, width, height, fps, videoLanguage, videoTitle, rotation, hdr, seed);
    EncodeSpec.AudioTrack track =
        withAudio
            ? new EncodeSpec.AudioTrack(
                audioCodec, sampleRate, channels, audioLanguage, audioTitle, audio)
            : null;
    return new EncodeSpec(
        target, container.muxer(), video, track, subtitles, chapters, seconds, Map.of());
  }

  /**
   * Writes the file (or its broken variant) to {@code target}, which must not exist.
   *
   * @return {@code target}
   */
  public Path write(MediaEncoder encoder, Path target) {
    if (breakage == null) {
      encoder.encode(spec(target));
      return target;
    }
    try {
      Path good = Files.createTempFile(target.getParent(), ".good-", "." + container.extension());
      Files.delete(good);
      try {
        encoder.encode(spec(good));
        breakage.apply(good, target);
      } finally {
        Files.deleteIfExists(good); // the temporary good copy this method made, nothing else
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
