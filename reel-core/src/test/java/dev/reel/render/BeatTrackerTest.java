package dev.reel.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reel.testmedia.EnvelopeText;
import dev.reel.testmedia.LoudnessEnvelope;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeatTrackerTest {
  private static final int RATE = 22_050;

  private static BeatTracker.Beats track(LoudnessEnvelope music, double seconds) {
    BeatTracker t = new BeatTracker(RATE);
    float[] block = new float[4096];
    long total = Math.round(seconds * RATE);
    for (long at = 0; at < total; at += block.length) {
      int n = (int) Math.min(block.length, total - at);
      music.fill(at, block, n, RATE);
      t.add(block, n);
    }
    return t.beats();
  }

  /** How many of the expected beats have a found beat within 35 ms. */
  private static long matched(List<Double> found, double first, double period, double end) {
    long hits = 0;
    for (double b = first; b < end; b += period) {
      double want = b;
      if (found.stream().anyMatch(f -> Math.abs(f - want) < 0.035)) {
        hits++;
      }
    }
    return hits;
  }

  @Test
  void findsTheTempoAndTheBeatsOfAClickTrack() {
    for (double bpm : new double[] {90, 120, 128, 150}) {
      double period = 60 / bpm;
      BeatTracker.Beats beats =
          track(EnvelopeText.parse("noise:-45,clicks:" + bpm + ":-6@0.3-30"), 30);
      assertThat(beats.bpm()).as("tempo of %s bpm", bpm).isCloseTo(bpm, within(bpm * 0.02));
      long expected = (long) Math.floor((30 - 0.3) / period);
      assertThat(matched(beats.seconds(), 0.3, period, 30))
          .as("beats of %s bpm matched", bpm)
          .isGreaterThanOrEqualTo(expected * 9 / 10);
      // no beats in between: as many beats as clicks, give or take the ends
      assertThat(beats.seconds().size()).isBetween((int) expected - 2, (int) expected + 2);
    }
  }

  @Test
  void clicksOffTheBeatDoNotMoveTheBeat() {
    // a steady 120 bpm pulse with a quieter off-beat click now and then
    BeatTracker.Beats beats =
        track(EnvelopeText.parse("noise:-45,clicks:120:-6@0.5-40,clicks:30:-18@1.75-40"), 40);
    assertThat(beats.bpm()).isCloseTo(120, within(2.5));
    assertThat(matched(beats.seconds(), 0.5, 0.5, 40)).isGreaterThanOrEqualTo(70);
  }

  @Test
  void silenceHasNoBeatsAndNearestFallsBackToTheTimeAsked() {
    BeatTracker.Beats none = track(LoudnessEnvelope.silence(), 0.2);
    assertThat(none.seconds()).isEmpty();
    assertThat(track(LoudnessEnvelope.tone(440, -12), 10).seconds()).isEmpty();
    assertThat(track(EnvelopeText.parse("noise:-30"), 10).seconds()).isEmpty();
    // quiet clicks under louder steady noise still have a beat
    assertThat(track(EnvelopeText.parse("noise:-20,clicks:100:-20@0.1-20"), 20).bpm())
        .isCloseTo(100, within(2.0));
    assertThat(none.nearest(3.3)).isEqualTo(3.3);
    BeatTracker.Beats some = new BeatTracker.Beats(120, List.of(0.5, 1.0, 1.5));
    assertThat(some.nearest(1.2)).isEqualTo(1.0);
    assertThat(some.nearest(1.3)).isEqualTo(1.5);
    assertThat(some.nearest(9)).isEqualTo(1.5);
    assertThat(some.nearest(0)).isEqualTo(0.5);
  }
}
