package dev.reel.spark;

import dev.reel.walk.FolderWalker;
import java.io.IOException;
import java.net.InetAddress;

/** What an executor says about a path it cannot read: the driver saw it, this machine does not. */
public final class ExecutorPaths {
  private ExecutorPaths() {}

  /** "cannot read it on executor HOST: no such file or folder (every executor must ...)". */
  public static String unreadable(IOException e) {
    return "cannot read it on executor "
        + host()
        + ": "
        + FolderWalker.reason(e)
        + " (every executor must see the same paths: a shared mount)";
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "(unknown host)";
    }
  }
}
