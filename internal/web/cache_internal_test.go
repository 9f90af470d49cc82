package web

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAcceptsGzip(t *testing.T) {
	for _, c := range []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"gzip, deflate, br", true},
		{"br;q=1.0, GZIP;q=0.5", true},
		{"gzip;q=0", false},
		{"gzip; q=0.000", false},
		{"identity", false},
		{"x-gzip-not", false},
	} {
		r, _ := http.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Encoding", c.header)
		if got := acceptsGzip(r); got != c.want {
			t.Errorf("Accept-Encoding %q: %v, want %v", c.header, got, c.want)
		}
	}
}

// TestLRU fills a cache of cost 10 and checks which entries it keeps.
func TestLRU(t *testing.T) {
	c := newLRU[string, int](10)
	c.put("a", 1, 4)
	c.put("b", 2, 4)
	c.get("a")        // a is now more recently used than b
	c.put("c", 3, 4)  // 4+4+4 > 10: b, the least recently used, goes
	c.put("d", 4, 11) // costs more than the whole cache: not kept
	c.put("a", 5, 2)  // replaced: a costs 2 now, c 4
	c.put("e", 6, 4)  // 2+4+4 = 10 fits
	got := map[string]int{}
	for _, k := range []string{"a", "b", "c", "d", "e"} {
		if v, ok := c.get(k); ok {
			got[k] = v
		}
	}
	if diff := cmp.Diff(map[string]int{"a": 5, "c": 3, "e": 6}, got); diff != "" || c.len() != 3 {
		t.Errorf("kept (-want +got):\n%s (len %d)", diff, c.len())
	}
}
