package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// mainPages are the pages every width check and screenshot covers.
var mainPages = []struct{ name, path string }{
	{"dashboard", "/"},
	{"rankings", "/rankings"},
	{"rankings-type", "/rankings?type=" + "工业主导型"},
	{"notice", "/notice"},
	{"counties", "/counties"},
	{"county", "/counties/620102"},
	{"method", "/method"},
	{"runs", "/runs"},
	{"data", "/data"},
	{"admin-map", "/admin/map"},
	{"login", "/login"},
}

// TestWidths opens every main page, logged in as the administrator, at
// 1366 and at 390 CSS pixels: none may scroll sideways (wide tables scroll
// inside their own box). It saves a screenshot of each as NAME-WIDTH.png
// in $QX_ARTIFACTS.
func TestWidths(t *testing.T) {
	ctx := Browser(t)
	s := demo(t)
	dir := Artifacts(t)
	Login(t, ctx, s.URL, "admin", AdminPassword)
	for _, p := range mainPages {
		for _, width := range []int{1366, 390} {
			t.Run(p.name+"/"+strconv.Itoa(width), func(t *testing.T) {
				Open(t, ctx, s.URL+p.path, width)
				if over := Overflow(t, ctx); over > 0 {
					t.Errorf("%s at %d px scrolls sideways by %d px", p.path, width, over)
				}
				Screenshot(t, ctx, dir, p.name+"-"+strconv.Itoa(width))
			})
		}
	}
}

// TestPublicAndLanguage checks the dashboard without a login (the public
// sees the 2022 run's full table), the language switch to English and
// back, and the Chinese 404 page.
func TestPublicAndLanguage(t *testing.T) {
	ctx := Browser(t)
	s := demo(t)
	Open(t, ctx, s.URL+"/", 1366)
	if n := Count(t, ctx, "#map [data-code]"); n != 86 {
		t.Errorf("the public map has %d county tiles, want 86", n)
	}
	if n := Count(t, ctx, `a[href^="/login"]`); n == 0 {
		t.Error("no login link for a visitor")
	}
	Do(t, ctx, "switch to English", clickAndWait("header .lang"))
	if h := Eval[string](t, ctx, `document.querySelector("h1").textContent`); !strings.Contains(h, "Results for 2022") {
		t.Errorf("English heading = %q", h)
	}
	if l := Eval[string](t, ctx, `document.documentElement.lang`); l != "en" {
		t.Errorf("html lang = %q after switching to English", l)
	}
	Do(t, ctx, "switch back to Chinese", clickAndWait("header .lang"))
	Open(t, ctx, s.URL+"/no/such/page", 390)
	if h := Eval[string](t, ctx, `document.querySelector("h1").textContent`); h != "找不到这个页面" {
		t.Errorf("404 heading = %q, want 找不到这个页面", h)
	}
}

// TestRankingsTable sorts and filters the rankings table in the browser
// and follows a county's link.
func TestRankingsTable(t *testing.T) {
	ctx := Browser(t)
	s := demo(t)
	Open(t, ctx, s.URL+"/rankings", 1366)
	if n := Count(t, ctx, "#ranking tbody tr"); n != 86 {
		t.Fatalf("the ranking has %d rows, want 86", n)
	}
	if n := Count(t, ctx, "#ranking .veto"); n == 0 {
		t.Error("no veto mark in the 2022 ranking, which has vetoed counties")
	}
	if n := Count(t, ctx, "#ranking .badge.top"); n != 10 {
		t.Errorf("%d 十强县 badges, want 10", n)
	}
	// Sort by score ascending: the lowest score comes first.
	Do(t, ctx, "sort by score", chromedp.Click(chromedp.CSS("#ranking thead th:nth-child(5) button")))
	firstScore := Eval[float64](t, ctx, `+document.querySelector("#ranking tbody tr td:nth-child(5)").textContent`)
	minScore := Eval[float64](t, ctx, `Math.min(...[...document.querySelectorAll("#ranking tbody tr td:nth-child(5)")].map(td => +td.textContent))`)
	if firstScore != minScore {
		t.Errorf("after sorting by score the first row has %v, want the lowest %v", firstScore, minScore)
	}
	Do(t, ctx, "filter", sendKeys(`input[data-filter="ranking"]`, "兰州"))
	if n := Count(t, ctx, "#ranking tbody tr:not([hidden])"); n != 8 {
		t.Errorf("filtering by 兰州 leaves %d rows, want 兰州市's 8 counties", n)
	}
	Open(t, ctx, s.URL+"/rankings?type="+"工业主导型", 390)
	if r := Eval[string](t, ctx, `document.querySelector("#ranking tbody tr td.typerank").textContent`); strings.TrimSpace(r) != "1" {
		t.Errorf("the type ranking starts at type rank %q, want 1", r)
	}
}
