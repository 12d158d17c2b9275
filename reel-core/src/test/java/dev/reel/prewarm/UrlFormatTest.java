package dev.reel.prewarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlFormatTest {
  private static final Derivative HD =
      new Derivative("hd", 1280, 720, new java.util.LinkedHashMap<>(Map.of("quality", "high")));
  private static final Derivative MOBILE = Derivative.preset("mobile");
  private static final String BASE = "https://cdn.example.com";

  @Test
  void namedFormatsKeepFoldersAndEncodeEachSegment() {
    String path = "2024/Summer Trip/clip #1 (final)+ü.mp4";
    String enc = "2024/Summer%20Trip/clip%20%231%20%28final%29%2B%C3%BC.mp4";
    assertThat(UrlFormat.parse("imwidth").url(BASE, path, MOBILE, null))
        .isEqualTo(BASE + "/" + enc + "?imwidth=854");
    assertThat(UrlFormat.parse("derivative").url(BASE, path, MOBILE, null))
        .isEqualTo(BASE + "/" + enc + "?derivative=mobile");
    assertThat(UrlFormat.parse("query").url(BASE, path, HD, null))
        .isEqualTo(BASE + "/" + enc + "?width=1280&height=720&quality=high");
    assertThat(UrlFormat.parse("cdn-cgi").url(BASE, path, MOBILE, "https://origin.example.com"))
        .isEqualTo(
            BASE
                + "/cdn-cgi/media/width=854,height=640,fit=contain/https://origin.example.com/"
                + enc);
    assertThat(UrlFormat.parse("CDN-CGI").url(BASE, "a.mp4", HD, null))
        .isEqualTo(BASE + "/cdn-cgi/media/width=1280,height=720,fit=contain,quality=high/a.mp4");
  }

  @Test
  void templatesFillEveryPlaceholder() {
    UrlFormat t = UrlFormat.parse("{base}/v/{name}/{width}x{height}/{path}?{params}");
    assertThat(t.url(BASE, "a b.mp4", HD, null))
        .isEqualTo(BASE + "/v/hd/1280x720/a%20b.mp4?quality=high");
    assertThat(t.toString()).isEqualTo("{base}/v/{name}/{width}x{height}/{path}?{params}");
  }

  @Test
  void invalidTemplatesSayWhatIsWrong() {
    assertThatThrownBy(() -> UrlFormat.parse("{base}/{pth}"))
        .hasMessageContaining("unknown placeholder {pth}");
    assertThatThrownBy(() -> UrlFormat.parse("{base}/{path")).hasMessageContaining("is not closed");
    assertThatThrownBy(() -> UrlFormat.parse("{base}/x}")).hasMessageContaining("'}' without '{'");
    assertThatThrownBy(() -> UrlFormat.parse("{base}/{name}")).hasMessageContaining("no {path}");
    assertThatThrownBy(() -> UrlFormat.parse("imgwidth"))
        .hasMessageContaining("unknown URL format");
  }

  @Test
  void derivativesParseFromSpecsAndPresets() {
    Derivative d = Derivative.parse("thumb=320x180,fit=cover,q=80");
    assertThat(d.width()).isEqualTo(320);
    assertThat(d.height()).isEqualTo(180);
    assertThat(d.params()).containsExactly(Map.entry("fit", "cover"), Map.entry("q", "80"));
    assertThat(d.spec()).isEqualTo("thumb=320x180,fit=cover,q=80");
    assertThat(Derivative.parse("tablet")).isEqualTo(Derivative.preset("tablet"));
    assertThatThrownBy(() -> Derivative.parse("tv"))
        .hasMessageContaining("unknown derivative 'tv'");
    assertThatThrownBy(() -> Derivative.parse("x=1280by720")).hasMessageContaining("WIDTHxHEIGHT");
    assertThatThrownBy(() -> Derivative.parse("x=1x1,novalue")).hasMessageContaining("key=value");
    assertThatThrownBy(() -> Derivative.parse("a b=1x1")).hasMessageContaining("must be letters");
  }

  @Test
  void pathsDecodeAndEncodeSymmetrically() {
    String p = "dir/naïve café/日本 #?&=%.mp4";
    assertThat(UrlPaths.decode(UrlPaths.encodePath(p))).isEqualTo(p);
    assertThat(UrlPaths.decode("a%2")).isEqualTo("a%2");
  }
}
