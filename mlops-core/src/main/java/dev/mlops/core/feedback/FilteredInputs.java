package dev.mlops.core.feedback;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The inputs a {@link PrivacyFilter} keeps, as an insertion-ordered, read-only map over one array
 * of alternating names and values (a value may be {@code null}). It exists only until
 * {@link dev.mlops.feedback.LoggedPrediction} copies it, so it costs one array instead of a
 * second hash map per logged call; lookups are linear, which that single pass never needs.
 * Immutable and therefore thread-safe.
 */
final class FilteredInputs extends AbstractMap<String, Object> {
  private final Object[] namesAndValues;
  private final int size;

  /** Takes ownership of the array: names at even indices, their values after them. */
  FilteredInputs(Object[] namesAndValues, int size) {
    this.namesAndValues = namesAndValues;
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = 2 * next++;
            return new AbstractMap.SimpleImmutableEntry<>(
                (String) namesAndValues[i], namesAndValues[i + 1]);
          }
        };
      }
    };
  }
}
