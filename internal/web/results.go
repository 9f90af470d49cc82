package web

import (
	"fmt"
	"hash/crc32"
	"math"
	"net/http"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// appendResults encodes result rows as a JSON array by hand: the ranking
// of thousands of units is the hottest response of the server, and
// encoding/json spends most of its time on reflection here. Numbers are
// written in their shortest exact form, NaN as null.
func appendResults(b []byte, rows []store.Result) []byte {
	b = append(b, '[')
	for i, x := range rows {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"unit":`...)
		b = appendString(b, x.Unit)
		b = append(b, `,"node":`...)
		b = appendString(b, x.Node)
		b = append(b, `,"level":`...)
		b = strconv.AppendInt(b, int64(x.Level), 10)
		b = append(b, `,"score":`...)
		b = appendNum(b, x.Score)
		b = append(b, `,"rank":`...)
		b = appendNum(b, x.Rank)
		b = append(b, `,"group":`...)
		b = appendString(b, x.Group)
		b = append(b, `,"group_rank":`...)
		b = appendNum(b, x.GroupRank)
		b = append(b, `,"vetoed":`...)
		b = strconv.AppendBool(b, x.Vetoed)
		b = append(b, `,"awards":[`...)
		for j, a := range x.Awards {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendString(b, a)
		}
		b = append(b, `],"period":`...)
		b = appendString(b, x.Period)
		b = append(b, `,"rank_change":`...)
		b = appendNum(b, x.RankChange)
		b = append(b, '}')
	}
	return append(b, "]\n"...)
}

func appendNum(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}

// appendString writes s as a JSON string: quotes, backslashes and control
// characters escaped, other UTF-8 as is, invalid bytes as U+FFFD.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
			continue
		}
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
		i++
	}
	return append(b, '"')
}

// resultCache keeps the encoded rows of published runs, which never
// change, so that the public ranking costs no query and no encoding. It
// holds at most maxCacheBytes; a replica's cache needs no invalidation
// because a published run is immutable on every replica.
type resultCache struct {
	mu      sync.Mutex
	entries map[cacheKey]cached
	size    int
	runs    map[int64]store.Run // superseded runs, which never change again
}

// run returns the run id from memory, or loads it and keeps it when it is
// superseded (it never changes again).
func (c *resultCache) run(id int64, load func() (store.Run, error)) (store.Run, error) {
	c.mu.Lock()
	r, ok := c.runs[id]
	c.mu.Unlock()
	if ok {
		return r, nil
	}
	// A published run still changes once, when a newer publication of its
	// method and period supersedes it (issue 12): only a superseded run is
	// kept in memory.
	r, err := load()
	if err != nil || r.State != auth.StateSuperseded {
		return r, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.runs == nil || len(c.runs) >= maxCachedRuns {
		c.runs = map[int64]store.Run{}
	}
	c.runs[id] = r
	return r, nil
}

// cached is an encoded body and its entity tag.
type cached struct {
	body []byte
	etag string
}

type cacheKey struct {
	run         int64
	node, group string
	winnersOnly bool
}

const (
	maxCachedRuns = 1000
	maxCacheBytes = 128 << 20
	maxCacheEntry = 16 << 20
)

// get returns the body for f of a run, from the cache for a published run
// (computing and keeping it the first time with load), with an entity tag
// for a published run ("" otherwise) so that clients can revalidate for
// free.
func (c *resultCache) get(run store.Run, f store.ResultFilter, load func() ([]byte, error)) (cached, error) {
	if !run.State.Final() {
		b, err := load()
		return cached{body: b}, err
	}
	k := cacheKey{run.ID, f.Node, f.Group, f.WinnersOnly}
	c.mu.Lock()
	e, ok := c.entries[k]
	c.mu.Unlock()
	if ok {
		return e, nil
	}
	b, err := load()
	if err != nil {
		return cached{}, err
	}
	e = cached{body: b, etag: fmt.Sprintf(`"%s-%08x"`, run.Hash[:16], crc32.ChecksumIEEE(b))}
	if len(b) > maxCacheEntry {
		return e, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || c.size+len(b) > maxCacheBytes {
		c.entries, c.size = map[cacheKey]cached{}, 0 // start over rather than track recency
	}
	if _, ok := c.entries[k]; !ok {
		c.entries[k] = e
		c.size += len(b)
	}
	return e, nil
}

// prefectures maps every unit to its prefecture, for per-row checks.
func (s *Server) prefectures(r *http.Request) (map[string]string, error) {
	units, err := s.db.Units(r.Context(), store.UnitFilter{})
	if err != nil {
		return nil, err
	}
	byCode := make(map[string]store.Unit, len(units))
	for _, u := range units {
		byCode[u.Code] = u
	}
	out := make(map[string]string, len(units))
	for _, u := range units {
		code := u.Code
		for range 5 {
			x, ok := byCode[code]
			if !ok || x.Kind == store.UnitProvince {
				break
			}
			if x.Kind == store.UnitPrefecture {
				out[u.Code] = x.Code
				break
			}
			code = x.Parent
			if x.Kind == store.UnitZone {
				code = x.Host
			}
		}
	}
	return out, nil
}
