package web

import (
	"io/fs"
	"math"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// TestTemplatesUseKnownStrings checks that every UI string a template asks
// for with {{t "key"}} is in the catalogue, so that no page shows a bare key.
func TestTemplatesUseKnownStrings(t *testing.T) {
	re := regexp.MustCompile(`\bt "([^"]+)"`)
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("templates: %v, %d files", err, len(files))
	}
	n := 0
	for _, f := range files {
		b, err := fs.ReadFile(templateFS, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			n++
			if !hasUI(m[1]) {
				t.Errorf("%s: UI string %q is not registered", f, m[1])
			}
		}
	}
	if n < 50 {
		t.Errorf("found only %d UI strings in the templates; is the pattern right?", n)
	}
}

// TestPagesParsed checks that the foundation's pages exist in both languages.
func TestPagesParsed(t *testing.T) {
	for _, lang := range []locale.Lang{locale.ZH, locale.EN} {
		for _, name := range []string{"error", "dashboard", "rankings", "notice", "admin_map"} {
			if pageSets()[lang][name] == nil {
				t.Errorf("page %s in %s is missing", name, lang)
			}
		}
	}
}

func TestPageLang(t *testing.T) {
	tests := []struct {
		name, query, cookie, accept string
		want                        locale.Lang
	}{
		{"default is Chinese", "", "", "", locale.ZH},
		{"an English browser still gets Chinese", "", "", "en-US,en;q=0.9", locale.ZH},
		{"the cookie of the switch", "", "en", "", locale.EN},
		{"the query beats the cookie", "?lang=zh", "en", "", locale.ZH},
		{"the query alone", "?lang=en", "", "", locale.EN},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/"+tc.query, nil)
			if tc.cookie != "" {
				r.Header.Set("Cookie", LangCookie+"="+tc.cookie)
			}
			if tc.accept != "" {
				r.Header.Set("Accept-Language", tc.accept)
			}
			if got := pageLang(r); got != tc.want {
				t.Errorf("pageLang = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestFormatting(t *testing.T) {
	nan := quintiles(nil)
	tests := []struct{ got, want string }{
		{fixed(81.235, 2), "81.24"}, // 四舍五入 of 81.235 as written (its binary value is 81.23499…)
		{fixed(math.NaN(), 2), "—"},
		{rankText(3), "3"},
		{rankText(2.5), "2.5"},
		{string(changeHTML(4)), `<span class="chg up" title="+4">▲4</span>`},
		{string(changeHTML(-2)), `<span class="chg down" title="-2">▼2</span>`},
		{string(changeHTML(0)), `<span class="chg same">–</span>`},
		{awardClass("先进县(工业主导型)"), "advanced"},
		{awardClass("十强县"), "top"},
		{strings.Join(shortLabels([]string{"阿克塞哈萨克族自治县", "临夏市", "临夏县", "临洮县", "城关区"}), " "),
			"阿克 临夏市 临夏县 临洮 城关"}, // a shared "临夏" takes the last character too
		{navOf("/counties/620102"), "counties"},
		{navOf("/notice.pdf"), "notice"},
		{navOf("/"), "home"},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("case %d: got %q, want %q", i, tc.got, tc.want)
		}
	}
	if len(nan) != 0 {
		t.Errorf("quintiles of nothing = %v", nan)
	}
	if q := quintiles([]float64{5, 1, 4, 2, 3, 6, 7, 8, 9, 10}); !equal(q, []float64{3, 5, 7, 9}) {
		t.Errorf("quintiles of 1…10 = %v, want [3 5 7 9]", q)
	}
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestChartFallback checks both faces of a chart: with ECharts built in, a
// container with its option for app.js; without, the note that the tables
// stand in for it.
func TestChartFallback(t *testing.T) {
	for _, withECharts := range []bool{true, false} {
		p := &Page{Lang: locale.ZH, ECharts: withECharts}
		var b strings.Builder
		err := pageSets()[locale.ZH]["dashboard"].ExecuteTemplate(&b, "chart", p.Chart(map[string]any{"series": []any{}}, "图"))
		if err != nil {
			t.Fatal(err)
		}
		hasChart := strings.Contains(b.String(), `data-chart="{&#34;series&#34;:[]}"`)
		hasNote := strings.Contains(b.String(), "以下以表格显示")
		if hasChart != withECharts || hasNote == withECharts {
			t.Errorf("ECharts %v: %s", withECharts, b.String())
		}
	}
}
