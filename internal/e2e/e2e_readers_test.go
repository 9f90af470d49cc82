package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/web"
)

// readerPassword is the password of the accounts this test adds.
const readerPassword = "Readers-E2e-Pass-2024!"

// readers are the kinds of users of the pages: the administrator (of the
// demo), and one account per role that issue 22 names, added by the test.
var readers = []store.User{
	{Username: "rw-county", Role: auth.RoleCounty, Unit: "620102", DisplayName: "城关区用户"},
	{Username: "rw-pref", Role: auth.RolePrefecture, Unit: "620100", DisplayName: "兰州市审核员"},
	{Username: "rw-dept", Role: auth.RoleDepartment, Department: "统计局", DisplayName: "统计局报送员"},
	{Username: "rw-viewer", Role: auth.RoleViewer, DisplayName: "查看者"},
	{Username: seed.AdminUser, Role: auth.RoleAdmin},
}

var (
	// pageRoute finds the GET routes of routes.go, the pages' one list.
	pageRoute = regexp.MustCompile(`mux\.Handle(?:Func)?\("GET (/[^"]*)"`)
	// goError is text a Go error or a formatting slip leaves on a page.
	goError = regexp.MustCompile(`sql: |no rows in result set|strconv\.|%!|<nil>|runtime error|invalid memory|json: |context canceled|\(sql|\(strconv|constraint failed`)
	// latinRun is a run of Latin letters in a Chinese page.
	latinRun = regexp.MustCompile(`[A-Za-z][A-Za-z-]{2,}`)
	// notWords are hashes, file names and addresses: not words.
	notWords = regexp.MustCompile(`[0-9a-f]{16,}|[\w.-]+\.(?:xlsx|csv|pdf|docx|ofd|toml|zip|png|json)\b|https?://\S+`)
	// decimalNumber is a number with a fraction, thousands separated or not.
	decimalNumber = regexp.MustCompile(`(?:^|[^\d.,])-?\d[\d,]*\.(\d+)(?:$|[^\d.])`)
)

// latinAllowed are the words a Chinese page may carry: format, program and
// measure names written so in Chinese too (the same list as the page
// language test, internal/web/page_catalogue_test.go), account names, the
// codes of the demo's methods.
var latinAllowed = []string{"GDP", "PDF", "Excel", "xlsx", "XLSX", "CSV", "csv", "docx", "DOCX", "OFD", "ZIP", "zip", "COINr",
	"ECharts", "TOTP", "API", "English", "WPS", "CPI", "PPI", "Shapley", "Sobol", "TOPSIS", "AHP", "CRITIC", "JSON",
	"GeoJSON", "SVG", "PNG", "URL", "Spearman", "Noto", "Sans", "qiangxian", "assets", "scripts", "Chromium", "RSS", "utf-8",
	"pdf", "jpg", "jpeg", "png", "ofd", "Word", "GTT", "gansu-demo", "gansu-zones-demo", "invest-funds", "invest-projects",
	"admin", "rw-county", "rw-pref", "rw-dept", "rw-viewer", "demo-analyst", "demo-head", "demo-approver", "demo-tongjiju",
	"demo-lanzhou", "demo-chengguan", "demo-viewer",
	"adcode", "code", "CGCS", "WGS"} // GeoJSON property names and coordinate systems as the map settings name them

// figureEntryPages show figures as a provider reported them, to check them
// against her source: their numbers keep every reported decimal.
var figureEntryPages = []string{"/data", "/collection", "/confirm", "/data/revisions/", "/collection/", "/confirm/",
	"/counties/620622/sheet"} // the score sheet (issue 22's notice work) prints contributions to 3 decimals

// readerPage is one page to visit: its path with examples for the route's
// parameters.
type readerPage struct{ route, path string }

// readerPages reads the GET pages of internal/web/routes.go — JSON,
// assets and downloads left out — so that a page added there is visited
// without a change here; parameters take the demo's examples.
func readerPages(t *testing.T) []readerPage {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "web", "routes.go"))
	if err != nil {
		t.Fatal(err)
	}
	examples := map[string]string{"/zones/{code}": "/zones/GJ01"}
	var out []readerPage
	for _, m := range pageRoute.FindAllStringSubmatch(string(src), -1) {
		r := m[1]
		if strings.HasPrefix(r, "/api/") || strings.HasPrefix(r, "/static/") || r == "/healthz" || r == "/lang" ||
			strings.Contains(r, ".") || strings.HasPrefix(r, "/login/") {
			continue
		}
		p, ok := examples[r]
		if !ok {
			p = strings.NewReplacer("{$}", "", "{code}", "620622", "{unit}", "620622", "{id}", "1").Replace(r)
		}
		if !slices.ContainsFunc(out, func(x readerPage) bool { return x.path == p }) {
			out = append(out, readerPage{r, p})
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d pages in routes.go: %v", len(out), out)
	}
	return out
}

// probe is what the browser reports of an open page.
type probe struct {
	Lang     string   `json:"lang"`
	Overflow int      `json:"overflow"`
	Wide     string   `json:"wide"`    // the innermost elements past the window's right edge
	Tables   []string `json:"tables"`  // tables wider than their box without a visible scroll cue
	Numbers  []string `json:"numbers"` // the text of table cells and headline figures
	Text     string   `json:"text"`    // the visible text, without code and scripts (readJS)
	Name     string   `json:"name"`    // a Chinese name of the method found in the HTML (readJS, English pages)
}

// measureJS measures the page as it is shown at the window's width.
const measureJS = `(() => {
  const tables = [];
  for (const t of document.querySelectorAll("main table")) {
    const box = t.parentElement;
    if (t.offsetParent === null || t.getBoundingClientRect().width <= box.clientWidth + 1) continue;
    const wrap = t.closest(".table-wrap");
    const cue = wrap && [wrap.previousElementSibling, wrap.nextElementSibling].find(e => e && e.classList.contains("scroll-cue"));
    if (!wrap || !wrap.hasAttribute("data-scroll") || !cue || getComputedStyle(cue).display === "none")
      tables.push((t.id || t.className || "table") + " " + Math.round(t.getBoundingClientRect().width) + ">" + box.clientWidth);
  }
  const numbers = [...document.querySelectorAll("main td, main .figure .value")].filter(e => e.offsetParent !== null).map(e => e.innerText);
  const cw = document.documentElement.clientWidth;
  const past = [];
  for (const e of document.querySelectorAll("body *")) {
    if (e.getBoundingClientRect().right > cw + 1 && !e.closest(".watermark") && !(e.parentElement && e.parentElement.closest(".table-wrap")))
      past.push(e.tagName.toLowerCase() + "." + e.className);
  }
  const wide = past.slice(-3).join(" > ");
  return JSON.stringify({lang: document.documentElement.lang, tables, numbers, wide,
    overflow: Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)});
})()`

// readJS reads the page's words: it looks for the names in the whole HTML,
// then takes out code, scripts and the watermarks (the page is not used
// afterwards) and returns the visible text.
const readJS = `((names) => {
  const html = document.documentElement.outerHTML;
  const name = names.find(n => html.includes(n)) || "";
  for (const e of document.querySelectorAll("script, style, code, pre, .watermark, .visually-hidden")) e.remove();
  return JSON.stringify({text: document.body.innerText, name});
})`

// TestPagesReadWell is issue 22's browser test: every page of routes.go,
// in Chinese and in English, at 1366 and at 390 CSS pixels, read by one of
// the roles in turn (a page a role may not open is read by the
// administrator as well), fails on a Go error's text, an English word on
// a Chinese page outside the allowed terms, the Chinese of the interface
// or of the method's names on an English page, a table wider than its box
// without a scroll cue, a page that scrolls sideways, and a figure with
// more decimals than the method publishes. Screenshots of the screen go
// to $QX_ARTIFACTS (else a temporary folder, logged).
func TestPagesReadWell(t *testing.T) {
	RequireChromium(t)
	s := demo(t)
	dir := Artifacts(t)
	t.Logf("screenshots in %s", dir)
	addReaders(t, s)
	pages := readerPages(t)
	names, places := methodFacts(t, s)
	phrases := web.ChineseUIPhrases()

	// Each page in each language goes to one role in turn, or to the next
	// role that may open it (asked over HTTP, which is quicker than the
	// browser); the roles read in parallel, each in her own browser.
	tokens := readerTokens(t, s)
	type slot struct{ page, lang int }
	owner := map[slot]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, p := range pages {
		for l := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				k := (i + l) % len(readers)
				for try := 0; try < len(readers) && !canOpen(s, tokens[readers[k].Username], p.path); try++ {
					k = (k + 1) % len(readers)
				}
				mu.Lock()
				owner[slot{i, l}] = k
				mu.Unlock()
			}()
		}
	}
	wg.Wait()
	plan := make([][]readerVisit, len(readers))
	for i, p := range pages {
		for l, lang := range []string{"zh", "en"} {
			k := owner[slot{i, l}]
			plan[k] = append(plan[k], readerVisit{p, lang})
		}
	}
	for k, u := range readers {
		t.Run(u.Username, func(t *testing.T) {
			t.Parallel()
			ctx := Browser(t)
			password := readerPassword
			if u.Role == auth.RoleAdmin {
				password = AdminPassword
			}
			Login(t, ctx, s.URL, u.Username, password)
			for _, v := range plan[k] {
				checkPage(t, ctx, s, dir, u.Username, v.page, v.lang, names, places, phrases)
			}
		})
	}
}

// readerVisit is a page to read in a language.
type readerVisit struct {
	page readerPage
	lang string
}

// readerTokens are API tokens of the readers, for canOpen.
func readerTokens(t *testing.T, s *Server) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, u := range readers {
		tok, _, err := s.DB.CreateAPIToken(context.Background(), store.Actor{Username: "e2e"}, u.Username, "readers", time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		out[u.Username] = tok
	}
	return out
}

// canOpen reports whether the holder of token gets the page at path (200
// and HTML, not an error page or a redirect).
func canOpen(s *Server, token, path string) bool {
	req, err := http.NewRequest("GET", s.URL+path, nil)
	if err != nil {
		return false
	}
	req.Header.Set("Authorization", "Bearer "+token)
	c := &http.Client{Timeout: time.Minute, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK && strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html")
}

// checkPage opens p in lang at both widths as the browser's user, checks
// it and saves a screenshot of each.
func checkPage(t *testing.T, ctx context.Context, s *Server, dir, user string, p readerPage, lang string,
	names []string, places int, phrases []string) {
	t.Helper()
	sep := "?"
	if strings.Contains(p.path, "?") {
		sep = "&"
	}
	// One load, two widths: the page follows the window (app.js marks the
	// scroll cues again on resize), which halves the server's work.
	Open(t, ctx, s.URL+p.path+sep+"lang="+lang, 1366)
	for _, width := range []int{1366, 390} {
		if width != 1366 {
			Do(t, ctx, "narrow the window", chromedp.EmulateViewport(int64(width), 900), chromedp.Sleep(150*time.Millisecond))
		}
		shot(t, ctx, dir, fmt.Sprintf("%s-%s-%d-%s", slug(p.path), lang, width, user))
		var pr probe
		if err := json.Unmarshal([]byte(Eval[string](t, ctx, measureJS)), &pr); err != nil {
			t.Fatal(err)
		}
		if width == 390 {
			look := "[]"
			if lang == "en" {
				b, _ := json.Marshal(names)
				look = string(b)
			}
			if err := json.Unmarshal([]byte(Eval[string](t, ctx, readJS+"("+look+")")), &pr); err != nil {
				t.Fatal(err)
			}
		}
		for _, problem := range readProblems(pr, p, lang, names, places, phrases) {
			t.Errorf("%s %s %d %s: %s", user, lang, width, p.path, problem)
		}
	}
}

// readProblems lists what is wrong with a page as the browser showed it.
func readProblems(pr probe, p readerPage, lang string, names []string, places int, phrases []string) []string {
	var out []string
	official := strings.HasSuffix(p.path, "/notice") || p.path == "/publicity" // official documents are Chinese in both languages
	if !strings.HasPrefix(pr.Lang, lang) {
		out = append(out, fmt.Sprintf("the page's language is %q", pr.Lang))
	}
	if m := goError.FindString(pr.Text); m != "" {
		out = append(out, fmt.Sprintf("a Go error's text: %q", near(pr.Text, m)))
	}
	if pr.Overflow > 0 {
		out = append(out, fmt.Sprintf("the page scrolls sideways by %d px (%s)", pr.Overflow, pr.Wide))
	}
	for _, tb := range pr.Tables {
		out = append(out, "a table wider than its box without a scroll cue: "+tb)
	}
	switch {
	case lang == "zh":
		for _, w := range latinRun.FindAllString(notWords.ReplaceAllString(pr.Text, " "), -1) {
			if !slices.Contains(latinAllowed, w) {
				out = append(out, fmt.Sprintf("an English word in Chinese: %q in %q", w, near(pr.Text, w)))
				break
			}
		}
	case !official:
		for _, zh := range phrases {
			if strings.Contains(pr.Text, zh) {
				out = append(out, fmt.Sprintf("Chinese interface text in English: %q", near(pr.Text, zh)))
				break
			}
		}
		if pr.Name != "" {
			out = append(out, fmt.Sprintf("the method's Chinese name %q in an English page", pr.Name))
		}
	}
	if !slices.ContainsFunc(figureEntryPages, func(e string) bool {
		return p.path == e || strings.HasSuffix(e, "/") && strings.HasPrefix(p.path, e)
	}) {
		for _, cell := range pr.Numbers {
			for _, m := range decimalNumber.FindAllStringSubmatch(cell, -1) {
				if len(m[1]) > places {
					out = append(out, fmt.Sprintf("%q has more than the method's %d decimals", strings.TrimSpace(cell), places))
					break
				}
			}
		}
	}
	return out
}

// addReaders adds the test's accounts to the demo server (once: the
// server is shared).
func addReaders(t *testing.T, s *Server) {
	t.Helper()
	hash, err := auth.HashPassword(readerPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range readers {
		if u.Role == auth.RoleAdmin {
			continue
		}
		if _, err := s.DB.User(context.Background(), u.Username); err == nil {
			continue
		}
		u.PasswordHash = hash
		if _, err := s.DB.CreateUser(context.Background(), store.Actor{Username: "e2e"}, u); err != nil {
			t.Fatal(err)
		}
	}
}

// methodFacts are the Chinese names of the stored methods' types, awards,
// domains and measures that have English ones, and the most decimals any
// of their figures is published with.
func methodFacts(t *testing.T, s *Server) (names []string, places int) {
	t.Helper()
	ms, err := s.DB.Methods(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	add := func(zh, en string) {
		if zh != "" && en != "" && zh != en && !slices.Contains(names, zh) {
			names = append(names, zh)
		}
	}
	for _, sm := range ms {
		m, err := method.Parse(sm.Name+".toml", []byte(sm.TOML))
		if err != nil {
			t.Fatalf("method %s: %v", sm.Name, err)
		}
		places = max(places, m.Decimals)
		for _, x := range m.Types {
			add(x.Name, x.NameEn)
		}
		for _, x := range m.Awards {
			add(x.Name, x.NameEn)
		}
		for _, x := range m.Nodes {
			add(x.Name, x.NameEn)
		}
		for _, x := range m.Indicators {
			add(x.Name, x.NameEn)
			places = max(places, x.Places())
		}
	}
	if len(names) < 10 || places == 0 {
		t.Fatalf("the demo's methods give %d names and %d decimals", len(names), places)
	}
	return names, places
}

// shot saves what the screen shows as dir/name.jpg: the screen, not the
// whole page, which keeps the test's time within bounds.
func shot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	q, fast := int64(70), true
	b, err := chromedp.Run(tctx, chromedp.Action[[]byte](func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		r, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format: page.CaptureScreenshotFormatJpeg, Quality: &q, OptimizeForSpeed: &fast})
		return r.Data, err
	}))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".jpg"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// slug turns a path into a file name.
func slug(p string) string {
	s := strings.Trim(strings.NewReplacer("/", "-", "?", "-", "=", "-", "&", "-").Replace(p), "-")
	if s == "" {
		return "home"
	}
	return s
}

// near is the text around the first s, for a message.
func near(text, s string) string {
	i := strings.Index(text, s)
	r := []rune(text[:i])
	from := max(0, len(r)-30)
	after := []rune(text[i:])
	return strings.Join(strings.Fields(string(r[from:])+string(after[:min(len(after), len([]rune(s))+30)])), " ")
}
