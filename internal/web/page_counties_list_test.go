package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

var (
	countyRowRe = regexp.MustCompile(`<tr data-code="(\d{6})"`)
	hiddenScore = regexp.MustCompile(`<td class="n" title="[^"]+">—</td><td class="n" title="[^"]+">—</td>`)
)

// rowCodes returns the codes of a table's rows, in order.
func rowCodes(body []byte) []string {
	var out []string
	for _, m := range countyRowRe.FindAllSubmatch(body, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// TestCountiesList checks /counties: every county of the run with a link
// to its profile, the server-side filters (prefecture, type, search) and
// the run's visibility (2021 shows the public only the winners' scores,
// yet lists every county).
func TestCountiesList(t *testing.T) {
	d := newWinnersDemoSite(t)
	r21 := publishedRun(t, d, "2021")
	typeRows := len(rowCodes(d.as(t, "").do("GET", "/rankings?type="+url.QueryEscape("工业主导型"), nil).body))
	if typeRows == 0 || typeRows == 86 {
		t.Fatalf("the rankings of 工业主导型 have %d rows", typeRows)
	}
	cases := []struct {
		name, user, query string
		rows              int
		hidden            int // rows without a visible score
		want              []string
	}{
		{"all", "", "", 86, 0, []string{`<h1>县区 `, `<a href="/counties/620602"`, `凉州区`, `武威市`, `href="/counties" class="active" aria-current="page"`}},
		{"prefecture", "", "?prefecture=620100", 8, 0, []string{`<option value="620100" selected>兰州市</option>`}},
		{"type", "", "?type=" + url.QueryEscape("工业主导型"), typeRows, 0, []string{`<option selected>工业主导型</option>`}},
		{"search by name", "", "?q=" + url.QueryEscape("凉州"), 1, 0, []string{`data-code="620602"`, `value="凉州"`}},
		{"search by code", "", "?q=620602", 1, 0, []string{`data-code="620602"`}},
		{"search by prefecture", "", "?q=" + url.QueryEscape("兰州"), 8, 0, nil},
		{"no match", "", "?q=zzz", 0, 0, []string{`class="empty"`}},
		{"unknown type ignored", "", "?type=nope", 86, 0, nil},
		{"winners only", "", "?run=" + strconv.FormatInt(r21.ID, 10), 86, -1, []string{"只显示获奖县区"}},
		{"english", "", "?lang=en&prefecture=620100", 8, 0, []string{`<h1>Counties `, `placeholder="County, code or prefecture"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := d.as(t, tc.user).do("GET", "/counties"+tc.query, nil)
			if r.status != http.StatusOK {
				t.Fatalf("GET /counties%s: %d", tc.query, r.status)
			}
			codes := rowCodes(r.body)
			if len(codes) != tc.rows {
				t.Errorf("GET /counties%s: %d rows, want %d", tc.query, len(codes), tc.rows)
			}
			for _, c := range codes {
				if !strings.Contains(string(r.body), `<a href="/counties/`+c+`"`) {
					t.Errorf("row %s has no link to its profile", c)
				}
			}
			hidden := len(hiddenScore.FindAll(r.body, -1))
			switch {
			case tc.hidden >= 0 && hidden != tc.hidden:
				t.Errorf("%d rows without a score, want %d", hidden, tc.hidden)
			case tc.hidden < 0 && (hidden < 56 || hidden > 76):
				t.Errorf("%d rows without a score, want the non-winners (56 to 76)", hidden)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(r.body), w) {
					t.Errorf("GET /counties%s lacks %s", tc.query, w)
				}
			}
		})
	}
	if r := d.as(t, "").do("GET", "/counties?run=99999", nil); r.status != http.StatusNotFound {
		t.Errorf("GET /counties?run=99999: %d, want 404", r.status)
	}
}

// TestCountiesListScoped: in a run in public notice (at visibility none)
// a county user sees her own county's score and rank, and the proposed
// award winners' (the public's share of a 公示, issue 12); every other
// county is listed without.
func TestCountiesListScoped(t *testing.T) {
	d := newDemoSite(t)
	notice := d.newRun(t, auth.StateNotice)
	winners := map[string]bool{}
	rows, err := d.db.Results(ctx, notice.ID, store.ResultFilter{})
	must(t, err)
	for _, x := range rows {
		if len(x.Awards) > 0 {
			winners[x.Unit] = true
		}
	}
	shown := len(winners)
	if !winners["620602"] {
		shown++
	}
	r := d.as(t, "liangzhou").do("GET", "/counties?run="+strconv.FormatInt(notice.ID, 10), nil)
	if r.status != http.StatusOK {
		t.Fatalf("GET /counties?run=%d as 凉州区: %d", notice.ID, r.status)
	}
	if n := len(rowCodes(r.body)); n != 86 {
		t.Errorf("%d rows, want 86", n)
	}
	if n := len(hiddenScore.FindAll(r.body, -1)); n != 86-shown || len(winners) == 0 {
		t.Errorf("%d rows without a score, want %d (all but her own and the %d proposed winners)", n, 86-shown, len(winners))
	}
	own := regexp.MustCompile(`(?s)<tr data-code="620602".*?</tr>`).Find(r.body)
	if own == nil || hiddenScore.Match(own) {
		t.Errorf("her own county's row has no score: %s", own)
	}
	r = d.as(t, "chengguan").do("GET", "/counties?run="+strconv.FormatInt(notice.ID, 10), nil)
	if other := regexp.MustCompile(`(?s)<tr data-code="620602".*?</tr>`).Find(r.body); other == nil || hiddenScore.Match(other) == winners["620602"] {
		t.Errorf("another county and 凉州区's score in a run in notice (a winner: %v): %s", winners["620602"], other)
	}
}
