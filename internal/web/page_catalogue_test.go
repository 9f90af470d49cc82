package web_test

import (
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/web"
)

var (
	// routeLine finds the GET routes of routes.go.
	routeLine = regexp.MustCompile(`mux\.Handle(?:Func)?\("GET (/[^"]*)"`)
	// rawError is text a Go error or a formatting slip leaves on a page.
	rawError = regexp.MustCompile(`sql: |no rows in result set|strconv\.|%!|<nil>|runtime error|invalid memory|json: |context canceled|\(sql|\(strconv`)
	// catalogueKey is a message key shown instead of its text.
	catalogueKey = regexp.MustCompile(`(?:^|[\s>（(])([a-z]{2,}\.[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)*)(?:$|[\s<）)：:，,。.])`)
	// tagOrScript strips what is not read: scripts, styles, tags.
	tagOrScript = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<code>.*?</code>|<[^>]*>`)
	// hexID is a hash or another hex identifier, not a word.
	hexID = regexp.MustCompile(`[0-9a-f]{16,}|[\w.-]+\.(?:xlsx|csv|pdf|docx|ofd|toml|zip)\b`) // and file names
	// latinWord is a run of Latin letters in a Chinese page.
	latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z-]{2,}`)
)

// allowedLatin are the words a Chinese page may carry: names of formats,
// programs and measures that are written so in Chinese too.
var allowedLatin = []string{"GDP", "PDF", "Excel", "xlsx", "XLSX", "CSV", "csv", "docx", "DOCX", "OFD", "ZIP", "zip", "COINr",
	"ECharts", "TOTP", "API", "English", "WPS", "CPI", "PPI", "Shapley", "Sobol", "TOPSIS", "AHP", "CRITIC", "JSON",
	"GeoJSON", "SVG", "PNG", "URL", "Spearman", "Noto", "Sans", "qiangxian", "assets", "scripts", "Chromium", "RSS", "utf-8",
	"pdf", "jpg", "jpeg", "png", "ofd", "Word", "GTT", // file types as an upload field lists them, Word as Chinese pages say it, the form GTT01
	"gansu-demo", "gansu-zones-demo", "invest-funds", "invest-projects", // the demo methods' names, the ledger revisions' sources
	"admin", "ana", "liangzhou", "chengguan", "tjj", "viewer"} // account names, as typed

// TestPagesSpeakTheReader: every page, for each kind of user and in both
// languages, reads as text for people: no Go error, no formatting slip, no
// message key in place of its text, and in Chinese no English word outside
// the allowed terms (format and program names).
func TestPagesSpeakTheReader(t *testing.T) {
	d := newDemoSite(t)
	src, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, m := range routeLine.FindAllStringSubmatch(string(src), -1) {
		p := m[1]
		if strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/static/") || p == "/healthz" || p == "/lang" ||
			p == "/favicon.ico" || strings.Contains(p, ".") {
			continue // JSON, assets and downloads are checked elsewhere
		}
		p = strings.ReplaceAll(p, "{$}", "")
		if strings.HasPrefix(p, "/zones/{code}") { // a demo zone and one of its enterprises
			es, err := d.db.ZoneEnterprises(ctx, seed.ZoneEnterpriseYear, "GJ01")
			if err != nil || len(es) == 0 {
				t.Fatalf("GJ01's enterprises: %v, %v", es, err)
			}
			p = strings.ReplaceAll(strings.ReplaceAll(p, "{code}", "GJ01"), "{uscc}", es[0].USCC)
		}
		p = strings.ReplaceAll(p, "{code}", "620622")
		p = strings.ReplaceAll(p, "{unit}", "620622")
		p = strings.ReplaceAll(p, "{id}", "1")
		if !slices.Contains(pages, p) {
			pages = append(pages, p)
		}
	}
	if len(pages) < 15 {
		t.Fatalf("only %d pages found in routes.go: %v", len(pages), pages)
	}
	// The Chinese texts of the catalogue that an English page must not show
	// (whole phrases of 5 characters or more, without arguments: shorter ones
	// also occur in the demo's data, such as rule names and notes).
	var zhOnly []string
	for _, v := range web.UICatalogue() {
		if v[1] != "" && v[0] != v[1] && !strings.Contains(v[0], "%") && utf8.RuneCountInString(v[0]) >= 5 {
			zhOnly = append(zhOnly, v[0])
		}
	}
	methodNames := methodChineseNames(t, d)
	for _, user := range []string{"", "ana", "liangzhou", "tjj", "viewer"} {
		for _, lang := range []string{"zh", "en"} {
			for _, p := range pages {
				sep := "?"
				if strings.Contains(p, "?") {
					sep = "&"
				}
				r := d.as(t, user).do("GET", p+sep+"lang="+lang, nil)
				if r.status >= 300 && r.status < 400 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
					continue // a redirect to the login, or a download
				}
				text := hexID.ReplaceAllString(html.UnescapeString(tagOrScript.ReplaceAllString(string(r.body), " ")), " ")
				where := user + " " + lang + " " + p
				if m := rawError.FindString(text); m != "" {
					t.Errorf("%s: a raw error on the page: %q", where, around(text, m))
				}
				for _, m := range catalogueKey.FindAllStringSubmatch(text, -1) {
					t.Errorf("%s: a message key instead of its text: %q", where, m[1])
				}
				// An official document (a 通报 page) is Chinese in both languages.
				if lang == "en" && !officialDocument(p) {
					for _, zh := range zhOnly {
						if strings.Contains(text, zh) {
							t.Errorf("%s: Chinese interface text in English: %q in %q", where, zh, around(text, zh))
						}
					}
				}
				// Nor a Chinese name of the method's types, awards, domains
				// and measures anywhere in its HTML: scripts, embedded JSON
				// and attributes included.
				if lang == "en" && !officialDocument(p) {
					if zh, ok := chineseName(string(r.body), methodNames); ok {
						t.Errorf("%s: the Chinese name %q in an English page: %q", where, zh, around(string(r.body), zh))
					}
				}
				if lang == "zh" {
					for _, w := range latinWord.FindAllString(text, -1) {
						if !slices.Contains(allowedLatin, w) {
							t.Errorf("%s: an English word in Chinese: %q in %q", where, w, around(text, w))
							break
						}
					}
				}
			}
		}
	}
}

// around is the text near the first s, for a message.
func around(text, s string) string {
	i := strings.Index(text, s)
	from, to := max(0, i-40), min(len(text), i+len(s)+40)
	for from > 0 && !isRuneStart(text[from]) {
		from--
	}
	for to < len(text) && !isRuneStart(text[to]) {
		to++
	}
	return strings.Join(strings.Fields(text[from:to]), " ")
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
