package zone

import (
	"errors"
	"sort"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// Changes are the registry events that join or cut a unit's history:
// renames and mergers (更名, 整合) carry a streak and count-ins over to the
// successor; an upgrade (to national level) ends the streak.
type Changes struct {
	// Successor maps an old unit to the unit that continues it: a rename
	// maps the old code to the new, a merger every merged unit to the
	// merged one. Chains (A → B → C) are followed.
	Successor map[string]string
	// Upgraded maps a unit to the period in which it was upgraded: its
	// streak counts only that period and later ones. A unit's upgrade
	// applies to its whole lineage.
	Upgraded map[string]string
}

// ErrCycle is returned when successors lead back to a unit.
var ErrCycle = errors.New("zone: the successor map has a cycle")

// Validate checks that no chain of successors is a cycle.
func (c Changes) Validate() error {
	for u := range c.Successor {
		seen := map[string]bool{u: true}
		for v, ok := c.Successor[u]; ok; v, ok = c.Successor[v] {
			if seen[v] {
				return ErrCycle
			}
			seen[v] = true
		}
	}
	return nil
}

// resolve returns the last successor of u (u itself without one).
func (c Changes) resolve(u string) string {
	for n := 0; n <= len(c.Successor); n++ {
		v, ok := c.Successor[u]
		if !ok {
			return u
		}
		u = v
	}
	return u // a cycle: Validate reports it
}

// lineages maps every unit of h and of c to the units whose history it
// continues (itself included), sorted.
func lineages(h *History, c Changes) map[string][]string {
	members := map[string][]string{}
	seen := map[string]bool{}
	add := func(u string) {
		if seen[u] {
			return
		}
		seen[u] = true
		f := c.resolve(u)
		members[f] = append(members[f], u)
	}
	for _, r := range h.Records {
		add(r.Unit)
	}
	for u, v := range c.Successor {
		add(u)
		add(v)
	}
	out := map[string][]string{}
	for u := range seen {
		out[u] = members[c.resolve(u)]
	}
	for _, m := range members {
		sort.Strings(m)
	}
	return out
}

func init() {
	locale.Register(map[string][2]string{
		"zone.cycle": {"更名/整合关系构成循环", "the renames and mergers form a cycle"},
	})
}
