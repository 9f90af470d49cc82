package web_test

import (
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

var (
	// keyLike is what an untranslated UI key looks like in a page's text:
	// "rank.title", "county.x.weights" (ui renders an unknown key as itself);
	// a one-letter first part is an abbreviation such as "e.g.".
	keyLike = regexp.MustCompile(`\b[a-z][a-z0-9]+(?:\.[a-z][A-Za-z0-9]*)+\b`)
	// fileName is a dotted word that is a file's name, not a key.
	fileName  = regexp.MustCompile(`\.(?:js|css|json|xlsx|pdf|html|sh|toml|csv|png|svg|geojson)$`)
	hiddenRe  = regexp.MustCompile(`(?is)<(script|style)\b.*?</(?:script|style)>`)
	labelAttr = regexp.MustCompile(`\b(?:title|aria-label|placeholder|alt)="([^"]*)"`)
	tagRe     = regexp.MustCompile(`(?s)<[^>]*>`)
	han       = regexp.MustCompile(`\p{Han}`)
	sectionRe = func(open, close string) *regexp.Regexp { return regexp.MustCompile(`(?s)` + open + `.*?` + close) }
	menuRe    = sectionRe(`<nav class="menu"`, `</nav>`)
	footRe    = sectionRe(`<footer`, `</footer>`)
	h1Re      = regexp.MustCompile(`(?s)<h1>(.*?)</h1>`)
)

// visibleText is what a reader sees or hears of a page: its text without
// tags, scripts and styles, and the labels in title, aria-label,
// placeholder and alt attributes.
func visibleText(body []byte) string {
	b := hiddenRe.ReplaceAll(body, nil)
	var parts []string
	for _, m := range labelAttr.FindAllSubmatch(b, -1) {
		parts = append(parts, string(m[1]))
	}
	parts = append(parts, string(tagRe.ReplaceAll(b, []byte(" "))))
	return html.UnescapeString(strings.Join(parts, "\n"))
}

// untranslated returns the key-like words of text.
func untranslated(text string) []string {
	var out []string
	for _, w := range keyLike.FindAllString(text, -1) {
		if !fileName.MatchString(w) {
			out = append(out, w)
		}
	}
	return out
}

// TestPagesInEnglish renders every main page with ?lang=en, as an
// administrator (who sees every page and every control): each is English
// (html lang, an English heading, menu and footer without Chinese) and
// shows no untranslated key. County names, award names and the method's
// own Chinese texts are data and stay as they are.
func TestPagesInEnglish(t *testing.T) {
	d := newDemoSite(t)
	a := store.Actor{Username: "test"}
	_, err := d.db.CreateUser(ctx, a, store.User{Username: "adm", Role: auth.RoleAdmin, PasswordHash: passwordHash})
	must(t, err)
	tok, _, err := d.db.CreateAPIToken(ctx, a, "adm", "test", time.Time{})
	must(t, err)
	r21, r22 := publishedRun(t, d, "2021"), publishedRun(t, d, "2022")
	id := func(r store.Run) string { return strconv.FormatInt(r.ID, 10) }
	pages := []struct{ path, heading string }{
		{"/", "Results for 2022"},
		{"/rankings", "County rankings"},
		{"/rankings?type=工业主导型", "Ranking within type"},
		{"/counties", "Counties"},
		{"/counties/620602", "county profile"},
		{"/method", "evaluation"},
		{"/runs", "Runs"},
		{"/runs/compare?a=" + id(r21) + "&b=" + id(r22), "against run"},
		{"/runs/" + id(r22) + "/robustness", "Rank robustness"},
		{"/data", "Data"},
		{"/notice", "Notice of the county economy evaluation results"},
		{"/login", "Log in"},
		{"/admin/map", "Map settings"},
		{"/no/such/page", "Page not found"},
	}
	for _, p := range pages {
		t.Run(p.path, func(t *testing.T) {
			sep := "?"
			if strings.Contains(p.path, "?") {
				sep = "&"
			}
			r := client{t: t, base: d.url, token: tok}.do("GET", p.path+sep+"lang=en", nil)
			if r.status != http.StatusOK && !(p.path == "/no/such/page" && r.status == http.StatusNotFound) {
				t.Fatalf("GET %s: %d", p.path, r.status)
			}
			if !strings.Contains(string(r.body), `<html lang="en">`) {
				t.Error("the page is not marked lang=en")
			}
			h1 := h1Re.FindSubmatch(r.body)
			if h1 == nil || !strings.Contains(string(h1[1]), p.heading) {
				t.Errorf("heading %q, want one with %q", h1, p.heading)
			}
			for name, re := range map[string]*regexp.Regexp{"menu": menuRe, "footer": footRe} {
				if part := re.Find(r.body); part == nil || han.Match(tagRe.ReplaceAll(part, nil)) {
					t.Errorf("the %s is missing or has Chinese text: %.300s", name, part)
				}
			}
			if keys := untranslated(visibleText(r.body)); len(keys) > 0 {
				t.Errorf("untranslated keys: %q", keys)
			}
		})
	}
}

// TestUntranslatedDetector makes sure the check above can fail: a raw key
// in text or in a label is found, file names and numbers are not.
func TestUntranslatedDetector(t *testing.T) {
	cases := []struct {
		page string
		want []string
	}{
		{`<h1>rank.title</h1>`, []string{"rank.title"}},
		{`<td title="county.x.weights">1.5</td>`, []string{"county.x.weights"}},
		{`<p>Run scripts/assets.sh; see app.css, 2.5 points</p><script>a.b()</script>`, nil},
		{`<p>Ranking within type: 工业主导型, e.g. this</p>`, nil},
	}
	for _, tc := range cases {
		got := untranslated(visibleText([]byte(tc.page)))
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("untranslated(%q) = %q, want %q", tc.page, got, tc.want)
		}
	}
}
