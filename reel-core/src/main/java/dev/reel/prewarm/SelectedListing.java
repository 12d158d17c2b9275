package dev.reel.prewarm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A listing after filters, {@code --limit} and {@code --largest-first}. Without largest-first it
 * streams. With it, objects are held: the N largest in a heap when a limit is given, all of them
 * otherwise (about 100 bytes each); objects of unknown size come last.
 */
final class SelectedListing implements ObjectSource {
  private static final Comparator<ListedObject> BY_SIZE =
      Comparator.comparingLong(ListedObject::sizeBytes).thenComparing(ListedObject::path);
  private final ObjectSource source;
  private final ObjectFilter filter;
  private final long limit;
  private final boolean largestFirst;

  /**
   * @param limit the most objects to pass on, or -1 for all
   */
  SelectedListing(ObjectSource source, ObjectFilter filter, long limit, boolean largestFirst) {
    this.source = source;
    this.filter = filter;
    this.limit = limit;
    this.largestFirst = largestFirst;
  }

  @Override
  public void list(ObjectSink sink) throws IOException {
    ObjectFilter.Matcher m = filter.matcher();
    if (!largestFirst) {
      long[] passed = {0};
      source.list(
          new ObjectSink() {
            @Override
            public boolean accept(ListedObject o) {
              if (limit >= 0 && passed[0] >= limit) {
                return false;
              }
              if (!m.keeps(o)) {
                return true;
              }
              passed[0]++;
              return sink.accept(o) && (limit < 0 || passed[0] < limit);
            }

            @Override
            public void problem(String message) {
              sink.problem(message);
            }
          });
      return;
    }
    PriorityQueue<ListedObject> heap = new PriorityQueue<>(BY_SIZE);
    source.list(
        new ObjectSink() {
          @Override
          public boolean accept(ListedObject o) {
            if (m.keeps(o)) {
              heap.add(o);
              if (limit >= 0 && heap.size() > limit) {
                heap.poll();
              }
            }
            return true;
          }

          @Override
          public void problem(String message) {
            sink.problem(message);
          }
        });
    List<ListedObject> sorted = new ArrayList<>(heap);
    heap.clear();
    sorted.sort(BY_SIZE.reversed());
    for (ListedObject o : sorted) {
      if (!sink.accept(o)) {
        return;
      }
    }
  }

  @Override
  public String describe() {
    return source.describe();
  }
}
