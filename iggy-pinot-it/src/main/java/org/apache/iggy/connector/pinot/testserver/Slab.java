package org.apache.iggy.connector.pinot.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Entities with 0-based ids where a new entity takes the lowest free id, as Iggy's slab storage does. */
final class Slab<T> {
  private final List<T> _slots = new ArrayList<>();

  int insert(Function<Integer, T> create) {
    int id = _slots.indexOf(null);
    if (id < 0) {
      id = _slots.size();
      _slots.add(null);
    }
    _slots.set(id, create.apply(id));
    return id;
  }

  T get(long id) {
    return id >= 0 && id < _slots.size() ? _slots.get((int) id) : null;
  }

  void remove(long id) {
    _slots.set((int) id, null);
  }

  List<T> values() {
    List<T> values = new ArrayList<>();
    for (T slot : _slots) {
      if (slot != null) {
        values.add(slot);
      }
    }
    return values;
  }
}
