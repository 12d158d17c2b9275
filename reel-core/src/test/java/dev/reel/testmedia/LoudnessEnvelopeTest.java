package dev.reel.testmedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LoudnessEnvelopeTest {
  private static float peak(LoudnessEnvelope env, double fromSeconds, double seconds) {
    int rate = 8_000;
    float[] out = new float[(int) (seconds * rate)];
    env.fill((long) (fromSeconds * rate), out, out.length, rate);
    float max = 0;
    for (float v : out) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  @Test
  void toneReachesItsLevel() {
    assertThat(peak(LoudnessEnvelope.tone(440, -20), 0, 1)).isCloseTo(0.1f, within(0.002f));
  }

  @Test
  void burstIsLoudOnlyWhereItIs() {
    LoudnessEnvelope env = EnvelopeText.parse("noise:-60,burst:10+2:-6");
    assertThat(peak(env, 5, 1)).isLessThan(0.002f);
    assertThat(peak(env, 10.5, 1)).isGreaterThan(0.4f);
    assertThat(peak(env, 12.5, 1)).isLessThan(0.002f);
  }

  @Test
  void anyBlockOfTheTrackIsTheSameWhicheverWayItIsCut() {
    LoudnessEnvelope env = EnvelopeText.parse("noise:-10,tone:1000:-12");
    float[] whole = new float[1000];
    env.fill(5_000, whole, 1000, 8_000);
    float[] half = new float[500];
    env.fill(5_500, half, 500, 8_000);
    for (int i = 0; i < 500; i++) {
      assertThat(half[i]).isCloseTo(whole[500 + i], within(1e-4f));
    }
  }

  @Test
  void badEnvelopeTextSaysWhichPart() {
    assertThatThrownBy(() -> EnvelopeText.parse("tone:440:-20,whistle:3"))
        .hasMessageContaining("'whistle:3'");
  }
}
