"""WeakSet: a set that holds weak references to its elements.

pyrite's own implementation. An element disappears from the set as soon as
it dies. While the set is being iterated, removals caused by deaths are
queued and applied when the last iteration ends, so iterating never sees
the underlying set change size.
"""

from _weakref import ref

__all__ = ['WeakSet']


class _DeferredRemovals:
    """Mixin for the weak containers: an iteration counter and the removals
    queued while it is non-zero. Subclasses define `_apply_removal(item)`."""

    def _start_iteration(self):
        self._iterating += 1

    def _end_iteration(self):
        self._iterating -= 1
        if not self._iterating and self._pending_removals:
            self._commit_removals()

    def _commit_removals(self):
        pending = self._pending_removals
        while pending:
            self._apply_removal(pending.pop())


def _make_remover(container):
    """The callback given to the weak references a container holds: it keeps
    only a weak reference to the container itself."""
    container_ref = ref(container)

    def remove(item):
        c = container_ref()
        if c is not None:
            if c._iterating:
                c._pending_removals.append(item)
            else:
                c._apply_removal(item)
    return remove


class WeakSet(_DeferredRemovals):
    def __init__(self, data=None):
        self.data = set()
        self._pending_removals = []
        self._iterating = 0
        self._remove = _make_remover(self)
        if data is not None:
            self.update(data)

    def _apply_removal(self, item):
        self.data.discard(item)

    def __iter__(self):
        self._start_iteration()
        try:
            for itemref in self.data:
                item = itemref()
                if item is not None:
                    yield item
        finally:
            self._end_iteration()

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __reduce__(self):
        return (self.__class__, (list(self),), self.__getstate__())

    def __getstate__(self):
        return getattr(self, '__dict__', None)

    def add(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.add(ref(item, self._remove))

    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            item = itemref()
            if item is not None:
                return item

    def remove(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.remove(ref(item))

    def discard(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.discard(ref(item))

    def update(self, other):
        if self._pending_removals:
            self._commit_removals()
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        newset = self.copy()
        newset.difference_update(other)
        return newset
    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)
    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        if self._pending_removals:
            self._commit_removals()
        self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)
    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)
    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    __hash__ = None

    def symmetric_difference(self, other):
        newset = self.copy()
        newset.symmetric_difference_update(other)
        return newset
    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return self.__class__(e for s in (self, other) for e in s)
    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    def __repr__(self):
        return repr(self.data)
