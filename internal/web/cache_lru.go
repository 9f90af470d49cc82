package web

import (
	"container/list"
	"sync"
)

// lru is a map bounded by a total cost (bytes, or 1 per entry) that drops
// the least recently used entries to stay under it. It is safe for
// concurrent use.
type lru[K comparable, V any] struct {
	mu      sync.Mutex
	max     int // the total cost it may hold
	cost    int
	order   *list.List // front: most recently used; values are *lruEntry
	entries map[K]*list.Element
}

type lruEntry[K comparable, V any] struct {
	key  K
	val  V
	cost int
}

func newLRU[K comparable, V any](maxCost int) *lru[K, V] {
	return &lru[K, V]{max: maxCost, order: list.New(), entries: map[K]*list.Element{}}
}

// get returns the value of k and marks it used.
func (c *lru[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*lruEntry[K, V]).val, true
}

// put stores v under k at cost, dropping the least recently used entries
// as needed; a value costing more than the whole cache is not kept.
func (c *lru[K, V]) put(k K, v V, cost int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[k]; ok {
		c.cost -= e.Value.(*lruEntry[K, V]).cost
		c.order.Remove(e)
		delete(c.entries, k)
	}
	if cost > c.max {
		return
	}
	for c.cost+cost > c.max {
		last := c.order.Back()
		old := last.Value.(*lruEntry[K, V])
		c.order.Remove(last)
		delete(c.entries, old.key)
		c.cost -= old.cost
	}
	c.entries[k] = c.order.PushFront(&lruEntry[K, V]{key: k, val: v, cost: cost})
	c.cost += cost
}

// len is the number of entries.
func (c *lru[K, V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}
