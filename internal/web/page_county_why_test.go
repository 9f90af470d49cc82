package web_test

import (
	"html"
	"math"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	whyItem    = regexp.MustCompile(`(?s)<ul class="why">(.*?)</ul>`)
	whyLi      = regexp.MustCompile(`(?s)<li>(.*?)</li>`)
	whyTotal   = regexp.MustCompile(`总分 ([+−])(\d+\.\d\d)`)
	whyFigure  = regexp.MustCompile(`\d(%|亿元|万元|元|万人|吨|分|个|天|亿美元)`)
	whyEnglish = regexp.MustCompile(`([+−])(\d+\.\d\d) points on the total`)
)

// TestCountyWhyInWords: the profile of 古浪县 explains its change in
// sentences before the table: each names a figure with its unit, how the
// indicator's score moved and the points it made on the total, the largest
// first, and those points are the table's contributions rounded to 2
// decimals. The figures come from the demo generator, so the test reads
// them from the page rather than knowing them.
func TestCountyWhyInWords(t *testing.T) {
	d := newDemoSite(t)
	r := d.as(t, "").do("GET", "/counties/620622", nil)
	if r.status != http.StatusOK {
		t.Fatalf("GET /counties/620622: %d %s", r.status, r.body)
	}
	body := string(r.body)
	m := whyItem.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("the profile of 古浪县 has no sentences explaining its change")
	}
	if strings.Index(body, `<ul class="why">`) > strings.Index(body, `<table class="explain`) {
		t.Error("the sentences come after the table")
	}
	var totals []float64
	for _, x := range dataTotal.FindAllStringSubmatch(body, -1) {
		v, err := strconv.ParseFloat(x[1], 64)
		must(t, err)
		totals = append(totals, math.Round(v*100)/100)
	}
	items := whyLi.FindAllStringSubmatch(m[1], -1)
	if len(items) == 0 || len(items) > 6 {
		t.Fatalf("%d sentences, want 1–6", len(items))
	}
	prev := math.Inf(1)
	for _, it := range items {
		s := html.UnescapeString(it[1])
		tm := whyTotal.FindStringSubmatch(s)
		if tm == nil || !whyFigure.MatchString(s) || !strings.Contains(s, "得分") || !strings.HasSuffix(s, "。") {
			t.Errorf("the sentence %q does not name a figure with its unit, the score and the points on the total", s)
			continue
		}
		v, _ := strconv.ParseFloat(tm[2], 64)
		if tm[1] == "−" {
			v = -v
		}
		found := false
		for _, x := range totals {
			found = found || math.Abs(x-v) < 0.0051
		}
		if !found {
			t.Errorf("%q: %+.2f is no contribution of the table %v", s, v, totals)
		}
		if math.Abs(v) > prev+1e-9 {
			t.Errorf("%q comes after a smaller contribution", s)
		}
		prev = math.Abs(v)
	}
	en := string(d.as(t, "").do("GET", "/counties/620622?lang=en", nil).body)
	if m := whyItem.FindStringSubmatch(en); m == nil || !whyEnglish.MatchString(m[1]) || strings.ContainsAny(html.UnescapeString(m[1]), "，。（）") {
		t.Errorf("the English profile does not explain the change in English sentences")
	}
}
