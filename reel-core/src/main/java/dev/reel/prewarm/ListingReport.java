package dev.reel.prewarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Totals of a listing for {@code reel prewarm list}: objects and bytes overall and per size
 * category, and the largest objects (a heap of {@code top}, so memory stays bounded).
 */
public final class ListingReport {
  private final int top;
  private final Map<SizeCategory, long[]> perCategory = new EnumMap<>(SizeCategory.class);
  private final PriorityQueue<ListedObject> largest =
      new PriorityQueue<>(Comparator.comparingLong(ListedObject::sizeBytes));
  private long objects;
  private long bytes;

  public ListingReport(int top) {
    this.top = top;
    for (SizeCategory c : SizeCategory.values()) {
      perCategory.put(c, new long[2]);
    }
  }

  public void add(ListedObject o) {
    objects++;
    long[] c = perCategory.get(o.category());
    c[0]++;
    if (o.sizeBytes() > 0) {
      bytes += o.sizeBytes();
      c[1] += o.sizeBytes();
      largest.add(o);
      if (largest.size() > top) {
        largest.poll();
      }
    }
  }

  public long objects() {
    return objects;
  }

  public long bytes() {
    return bytes;
  }

  /** Objects and bytes of a category. */
  public long[] category(SizeCategory c) {
    return perCategory.get(c).clone();
  }

  /** The largest objects, largest first. */
  public List<ListedObject> largest() {
    List<ListedObject> l = new ArrayList<>(largest);
    l.sort(Comparator.comparingLong(ListedObject::sizeBytes).reversed());
    return l;
  }

  /** The report as text. */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%,d objects, %s%n", objects, Reports.bytes(bytes)));
    for (SizeCategory c : SizeCategory.values()) {
      long[] v = perCategory.get(c);
      if (v[0] > 0) {
        b.append(
            String.format(
                Locale.ROOT, "  %-8s %,12d objects  %12s%n", c.label(), v[0], Reports.bytes(v[1])));
      }
    }
    List<ListedObject> l = largest();
    if (!l.isEmpty()) {
      b.append("largest:\n");
      for (ListedObject o : l) {
        b.append(
            String.format(Locale.ROOT, "  %12s  %s%n", Reports.bytes(o.sizeBytes()), o.path()));
      }
    }
    return b.toString();
  }
}
