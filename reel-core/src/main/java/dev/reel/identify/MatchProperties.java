package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns accepted matches into properties: one value, or a list when a property was found with
 * several values; proper counts add up.
 */
final class MatchProperties {
  private MatchProperties() {}

  static Map<String, Object> collect(List<Match> accepted) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (Match m : accepted) {
      Object existing = props.get(m.property());
      if (m.property().equals("proper_count")) {
        props.put(
            "proper_count",
            existing == null ? m.value() : (Integer) existing + (Integer) m.value());
        continue;
      }
      if (existing == null) {
        props.put(m.property(), m.value());
      } else if (!existing.equals(m.value())) {
        List<Object> values = new ArrayList<>();
        if (existing instanceof List<?> l) {
          values.addAll(l);
        } else {
          values.add(existing);
        }
        if (m.value() instanceof List<?> l) {
          for (Object v : l) {
            if (!values.contains(v)) {
              values.add(v);
            }
          }
        } else if (!values.contains(m.value())) {
          values.add(m.value());
        }
        props.put(m.property(), values);
      }
    }
    return props;
  }

  /** Whether a property's value (one value or a list of them) holds {@code wanted}. */
  static boolean holds(Object value, String wanted) {
    return wanted.equals(value) || value instanceof List<?> l && l.contains(wanted);
  }
}
