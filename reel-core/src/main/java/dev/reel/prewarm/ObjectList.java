package dev.reel.prewarm;

import java.util.List;

/**
 * Objects already listed, as a source: one part of a listing that was split up (a Spark partition's
 * share of the driver's listing).
 *
 * @param description what the objects are, for messages ("part 3 of s3://media/")
 */
public record ObjectList(String description, List<ListedObject> objects)
    implements ObjectSource, java.io.Serializable {
  public ObjectList {
    objects = List.copyOf(objects);
  }

  @Override
  public void list(ObjectSink sink) {
    for (ListedObject o : objects) {
      if (!sink.accept(o)) {
        return;
      }
    }
  }

  @Override
  public String describe() {
    return description;
  }
}
