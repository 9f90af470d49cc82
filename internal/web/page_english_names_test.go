package web_test

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/xuri/excelize/v2"
)

// officialDocument reports whether the page at path is an official
// document (a 通报 or a 公示 notice), which is Chinese in both languages.
func officialDocument(path string) bool {
	return strings.HasSuffix(path, "/notice") || path == "/publicity"
}

// methodChineseNames are the Chinese names, longest first, of every type,
// award, domain (aggregate node) and measure (indicator) of the methods
// stored on d that the method also names in English: none of them may
// appear on an English page.
func methodChineseNames(t *testing.T, d *demoSite) []string {
	t.Helper()
	ms, err := d.db.Methods(ctx)
	must(t, err)
	var names []string
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
		}
	}
	if len(names) < 10 {
		t.Fatalf("only %d Chinese names with an English one in the demo's methods: %v", len(names), names)
	}
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	return names
}

// jsonEscape is a character escaped in JSON or JavaScript (\u519c).
var jsonEscape = regexp.MustCompile(`\\u([0-9a-fA-F]{4})`)

// chineseName is the first of names found in body, also where a script or
// JSON escaped its characters.
func chineseName(body string, names []string) (string, bool) {
	body = jsonEscape.ReplaceAllStringFunc(body, func(m string) string {
		n, _ := strconv.ParseUint(m[2:], 16, 32)
		return string(rune(n))
	})
	for _, n := range names {
		if strings.Contains(body, n) {
			return n, true
		}
	}
	return "", false
}

// TestEnglishExportsUseEnglishNames: the English rankings and leader
// workbooks name types and awards in English in every cell.
func TestEnglishExportsUseEnglishNames(t *testing.T) {
	d := newDemoSite(t)
	names := methodChineseNames(t, d)
	for _, p := range []string{"/rankings.xlsx?lang=en", "/leader.xlsx?lang=en"} {
		r := d.as(t, "ana").do("GET", p, nil)
		if r.status != 200 {
			t.Fatalf("%s: %d %s", p, r.status, r.body)
		}
		f, err := excelize.OpenReader(bytes.NewReader(r.body))
		must(t, err)
		english := 0
		for _, sh := range f.GetSheetList() {
			rows, err := f.GetRows(sh)
			must(t, err)
			for i, row := range rows {
				for j, cell := range row {
					if zh, ok := chineseName(cell, names); ok {
						t.Errorf("%s %s row %d column %d: the Chinese name %q in %q", p, sh, i+1, j+1, zh, cell)
					}
					if strings.Contains(cell, "top ten counties") || strings.Contains(cell, "urban services") {
						english++
					}
				}
			}
		}
		if english == 0 && p == "/rankings.xlsx?lang=en" {
			t.Errorf("%s names no award or type in English", p)
		}
		f.Close()
	}
}
