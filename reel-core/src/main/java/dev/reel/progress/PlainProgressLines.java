package dev.reel.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Progress as a plain line every two seconds, for logs and pipes: {@code probe: 1,200/2,000 files
 * (3 failed), 1,850 files/s, eta 0.4s}. A total still growing is shown with a {@code +}.
 */
final class PlainProgressLines implements ProgressDisplay {
  private final PrintStream err;

  PlainProgressLines(PrintStream err) {
    this.err = err;
  }

  @Override
  public void start(ProgressSnapshot s) {}

  @Override
  public void update(ProgressSnapshot s) {
    err.println(line(s));
  }

  @Override
  public void phase(ProgressSnapshot s) {
    err.println(s.job() + ": " + s.phase());
  }

  @Override
  public void end(ProgressSnapshot s, boolean stopped) {}

  @Override
  public long intervalMillis() {
    return 2_000;
  }

  static String line(ProgressSnapshot s) {
    StringBuilder sb = new StringBuilder(s.job()).append(": ");
    sb.append(String.format(Locale.ROOT, "%,d", s.done()));
    if (s.total() > 0 || s.totalKnown()) {
      sb.append(String.format(Locale.ROOT, "/%,d", s.total())).append(s.totalKnown() ? "" : "+");
    }
    sb.append(' ').append(s.unit());
    if (s.failed() > 0 || s.skipped() > 0) {
      sb.append(String.format(Locale.ROOT, " (%,d failed, %,d skipped)", s.failed(), s.skipped()));
    }
    sb.append(String.format(Locale.ROOT, ", %,.0f %s/s", s.rate(), s.unit()));
    for (Map.Entry<String, Object> e : s.extras().entrySet()) {
      sb.append(", ").append(e.getKey().replace('_', ' ')).append(' ').append(text(e.getValue()));
    }
    double eta = s.etaSeconds();
    if (eta >= 0) {
      sb.append(String.format(Locale.ROOT, ", eta %s", clock(eta)));
    }
    if (!s.phase().equals(s.job())) {
      sb.append(" [").append(s.phase()).append(']');
    }
    return sb.toString();
  }

  static String text(Object v) {
    return v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(v);
  }

  static String clock(double seconds) {
    long t = Math.round(seconds);
    return t >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
        : t >= 60
            ? String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60)
            : String.format(Locale.ROOT, "%.1fs", seconds);
  }
}
