package web_test

import (
	"strings"
	"testing"
)

// TestRankingsFit: /rankings keeps its first two columns in view (sticky),
// lets the areas' headings wrap, gives each declared type a line of its
// own, and names the types in English in English mode.
func TestRankingsFit(t *testing.T) {
	d := newDemoSite(t)
	zh := string(d.as(t, "").do("GET", "/rankings", nil).body)
	en := string(d.as(t, "").do("GET", "/rankings?lang=en", nil).body)
	for _, want := range []string{`class="sortable sticky"`, `<th class="n opt wrap">`, `<span class="tname">工业主导型</span>`, `<td class="awards">`} {
		if !strings.Contains(zh, want) {
			t.Errorf("/rankings lacks %s", want)
		}
	}
	if !strings.Contains(en, `<span class="tname">industry-led</span>`) || strings.Contains(en, `<span class="tname">工业主导型</span>`) {
		t.Error("/rankings in English does not name the types by the method's English names")
	}
}
