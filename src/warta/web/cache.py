"""A small cache of rendered pages, checked against the data they were rendered from.

Rendering a story page costs several times more than reading the story, so the page is
kept with the data it came from and reused only while the freshly read data is still
equal: nothing can be served stale, even when another process writes the database.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any


class RenderCache:
    """LRU of ``key -> (data, body)``; a hit needs ``data`` equal to what was rendered."""

    def __init__(self, capacity: int = 256) -> None:
        self.capacity = capacity
        self._items: OrderedDict[Any, tuple[Any, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Any, data: Any) -> bytes | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None and item[0] == data:
                self._items.move_to_end(key)
                self.hits += 1
                return item[1]
            self.misses += 1
            return None

    def put(self, key: Any, data: Any, body: bytes) -> None:
        with self._lock:
            self._items[key] = (data, body)
            self._items.move_to_end(key)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
