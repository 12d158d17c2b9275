package dev.reel.prewarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lists an rclone remote with one {@code rclone lsjson -R --files-only} process. rclone prints a
 * JSON array with one object per line, so the output is read line by line as it comes and never
 * held whole. Paths are relative to the remote path given.
 */
final class RcloneListing implements ObjectSource {
  static final String INSTALL_HINT =
      "rclone is not installed: install it with 'apt-get install rclone' (Debian/Ubuntu),"
          + " 'brew install rclone' (macOS) or from https://rclone.org/install/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String executable;
  private final String remote;
  private final List<String> extraArgs;

  RcloneListing(String executable, String remote, List<String> extraArgs) {
    this.executable = executable;
    this.remote = remote;
    this.extraArgs = List.copyOf(extraArgs);
  }

  @Override
  public void list(ObjectSink sink) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(executable);
    cmd.addAll(List.of("lsjson", "-R", "--files-only", "--no-mimetype", "--no-modtime"));
    cmd.addAll(extraArgs);
    cmd.add(remote);
    Process p;
    try {
      p = new ProcessBuilder(cmd).start();
      p.getOutputStream().close(); // rclone must never wait for input
    } catch (IOException e) {
      throw new IOException(INSTALL_HINT, e);
    }
    Deque<String> errTail = new ArrayDeque<>();
    Thread errDrain = Thread.ofVirtual().start(() -> drain(p, errTail));
    boolean stopped = false;
    int lineNo = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        String t = line.strip();
        if (t.endsWith(",")) {
          t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || t.equals("[") || t.equals("]")) {
          continue;
        }
        ListedObject o = parse(t, lineNo, sink);
        if (o != null && !sink.accept(o)) {
          stopped = true;
          break;
        }
      }
    } finally {
      if (stopped) {
        p.destroy();
      }
    }
    int exit;
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      exit = p.waitFor();
      errDrain.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while listing " + remote, e);
    }
    if (exit != 0 && !stopped) {
      String last;
      synchronized (errTail) {
        last = errTail.isEmpty() ? "no message" : errTail.peekLast();
      }
      throw new IOException("rclone lsjson " + remote + " failed (exit " + exit + "): " + last);
    }
  }

  private ListedObject parse(String json, int lineNo, ObjectSink sink) {
    try {
      JsonNode n = JSON.readTree(json);
      if (n.path("IsDir").asBoolean(false)) {
        return null;
      }
      String path = n.path("Path").asText("");
      if (path.isEmpty()) {
        sink.problem("rclone output line " + lineNo + ": no Path");
        return null;
      }
      long size = n.path("Size").asLong(-1);
      return new ListedObject(path, size < 0 ? -1 : size);
    } catch (IOException e) {
      sink.problem("rclone output line " + lineNo + ": not JSON: " + shorten(json));
      return null;
    }
  }

  private static void drain(Process p, Deque<String> tail) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        synchronized (tail) {
          tail.addLast(line.strip());
          if (tail.size() > 20) {
            tail.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the process ended; what was read is enough
    }
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  @Override
  public String describe() {
    return "rclone remote " + remote;
  }
}
