package web_test

import (
	"bytes"
	"context"
	"github.com/qiangxian/qiangxian/internal/notice"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/xuri/excelize/v2"
)

// publishedRun returns the demo's published run of year.
func publishedRun(t *testing.T, d *demoSite, year string) store.Run {
	t.Helper()
	runs, err := d.db.Runs(context.Background(), store.RunFilter{Period: year, State: auth.StatePublished})
	if err != nil || len(runs) != 1 {
		t.Fatalf("published runs of %s: %v, %d", year, err, len(runs))
	}
	return runs[0]
}

func count(body []byte, re string) int { return len(regexp.MustCompile(re).FindAll(body, -1)) }

// TestDashboardVisibility checks the dashboard at each run's visibility: the
// public sees 2022's full table (86 scored tiles, a top 10 of ten) but only
// 2021's award winners (the other tiles grey, a note saying so).
func TestDashboardVisibility(t *testing.T) {
	d := newWinnersDemoSite(t)
	r22, r21 := publishedRun(t, d, "2022"), publishedRun(t, d, "2021")
	anon := d.as(t, "")
	res := anon.do("GET", "/", nil)
	if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET / = %d %s", res.status, res.header.Get("Content-Type"))
	}
	if n := count(res.body, `data-code="62\d{4}"`); n != 86 {
		t.Errorf("%d county tiles, want 86", n)
	}
	if n := count(res.body, `<rect class="cn"`); n != 0 {
		t.Errorf("%d grey tiles on the full table, want 0", n)
	}
	if !bytes.Contains(res.body, []byte("/rankings?run="+strconv.FormatInt(r22.ID, 10))) {
		t.Error("the dashboard does not show the latest published run, 2022")
	}
	top10 := regexp.MustCompile(`(?s)<ol class="list top10">(.*?)</ol>`).FindSubmatch(res.body)
	if top10 == nil || count(top10[1], `<li>`) != 10 {
		t.Errorf("the top 10 is not a list of ten")
	}
	res = anon.do("GET", "/?run="+strconv.FormatInt(r21.ID, 10), nil)
	grey := count(res.body, `<rect class="cn"`)
	if res.status != http.StatusOK || grey < 56 || grey > 76 || !bytes.Contains(res.body, []byte("只显示获奖县区")) {
		t.Errorf("2021 for the public: status %d, %d grey tiles (want the non-winners)", res.status, grey)
	}
	res = anon.do("GET", "/?run=99999", nil)
	if res.status != http.StatusNotFound || !bytes.Contains(res.body, []byte("找不到这个页面")) {
		t.Errorf("an unknown run: %d", res.status)
	}
}

// TestErrorPages checks the HTML error pages of the browser routes: a
// Chinese 404, a login redirect for a page that needs one, a 403 for a
// user who may not see it.
func TestErrorPages(t *testing.T) {
	d := newDemoSite(t)
	res := d.as(t, "").do("GET", "/no/such/page", nil)
	if res.status != http.StatusNotFound || !bytes.Contains(res.body, []byte("<h1>找不到这个页面</h1>")) {
		t.Errorf("404: %d %.200s", res.status, res.body)
	}
	res = d.as(t, "").do("GET", "/admin/map", nil)
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/login?next=%2Fadmin%2Fmap" {
		t.Errorf("anonymous /admin/map: %d to %q", res.status, res.header.Get("Location"))
	}
	res = d.as(t, "viewer").do("GET", "/admin/map", nil)
	if res.status != http.StatusForbidden || !bytes.Contains(res.body, []byte("没有权限")) || bytes.Contains(res.body, []byte(" map")) {
		t.Errorf("a viewer's /admin/map: %d %.200s", res.status, res.body)
	}
	res = d.as(t, "ana").do("GET", "/runs/compare", nil)
	if res.status != http.StatusBadRequest || !bytes.Contains(res.body, []byte("选择两个批次")) || bytes.Contains(res.body, []byte("?a=ID")) {
		t.Errorf("/runs/compare without runs: %d %.300s", res.status, res.body)
	}
	res = d.as(t, "").do("GET", "/api/v1/nothing", nil)
	if res.status != http.StatusNotFound || !strings.HasPrefix(res.header.Get("Content-Type"), "application/json") {
		t.Errorf("an unknown API path must stay a JSON 404: %d %s", res.status, res.header.Get("Content-Type"))
	}
}

// TestNoticeWorkbook downloads /notice.xlsx as the public: the four sheets,
// the full 2022 ranking (86 rows, ranks from 1), and only the winners of
// 2021, whose visibility is "winners".
func TestNoticeWorkbook(t *testing.T) {
	d := newWinnersDemoSite(t)
	r21 := publishedRun(t, d, "2021")
	for _, tc := range []struct {
		query    string
		min, max int // rows of 综合排名 below the header
	}{{"", 86, 86}, {"?run=" + strconv.FormatInt(r21.ID, 10), 10, 30}} {
		res := d.as(t, "").do("GET", "/notice.xlsx"+tc.query, nil)
		if res.status != http.StatusOK || !strings.Contains(res.header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("/notice.xlsx%s: %d %s", tc.query, res.status, res.body)
		}
		f, err := excelize.OpenReader(bytes.NewReader(res.body))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(f.GetSheetList(), ","); got != "获奖名单,综合排名,分类排名,未取整得分,说明" {
			t.Errorf("sheets %s", got)
		}
		rows, _ := f.GetRows("综合排名")
		raw, _ := f.GetRows("未取整得分")
		longer := 0 // scores the unrounded sheet shows with more than 2 decimals
		for i := 1; i < len(rows) && i < len(raw); i++ {
			// 综合排名: 名次, 代码, 县区, 市州, 类型, 得分, five areas' scores
			// (the method's 2 decimals); 未取整得分: 代码, 县区, 得分, the areas.
			for c := 5; c < 11 && c < len(rows[i]); c++ {
				if dec := decimalsOf(rows[i][c]); dec > 2 {
					t.Errorf("/notice.xlsx%s: 综合排名 %s column %d: %s has %d decimals, the method publishes 2", tc.query, rows[i][1], c+1, rows[i][c], dec)
				}
			}
			for _, c := range raw[i][2:] {
				if decimalsOf(c) > 2 {
					longer++
				}
			}
		}
		if len(raw) != len(rows) || longer == 0 {
			t.Errorf("/notice.xlsx%s: 未取整得分 has %d rows (综合排名 %d), %d with more than 2 decimals", tc.query, len(raw), len(rows), longer)
		}
		if n := len(rows) - 1; n < tc.min || n > tc.max || rows[0][0] != "名次" || rows[1][0] != "1" {
			t.Errorf("/notice.xlsx%s: 综合排名 has %d rows (want %d–%d), header %v, first %v", tc.query, n, tc.min, tc.max, rows[0], rows[1])
		}
		awards, _ := f.GetRows("获奖名单")
		if len(awards) < 11 || awards[1][0] != "十强县" {
			t.Errorf("/notice.xlsx%s: 获奖名单 has %d rows, first %v", tc.query, len(awards), awards[1])
		}
		f.Close()
	}
	res := d.as(t, "").do("GET", "/rankings.xlsx?type=工业主导型", nil)
	f, err := excelize.OpenReader(bytes.NewReader(res.body))
	if err != nil {
		t.Fatalf("/rankings.xlsx: %d %v", res.status, err)
	}
	if got := strings.Join(f.GetSheetList(), ","); got != "分类排名,未取整得分" {
		t.Errorf("/rankings.xlsx?type= sheets %v, want [分类排名 未取整得分]", got)
	}
}

// decimalsOf counts the digits after the decimal point of a cell's text.
func decimalsOf(s string) int {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// TestNoticePDFWithoutChromium checks that the notice's PDF needs no
// Chromium (it is written in Go), and that without the notice font
// /notice.pdf is a Chinese 503 page saying what to do instead.
func TestNoticePDFWithoutChromium(t *testing.T) {
	t.Setenv("QIANGXIAN_CHROMIUM", "/nonexistent/chromium")
	d := newDemoSite(t)
	if notice.FontPath() != "" {
		res := d.as(t, "").do("GET", "/notice.pdf", nil)
		if res.status != http.StatusOK || !bytes.HasPrefix(res.body, []byte("%PDF-")) {
			t.Errorf("/notice.pdf without Chromium: %d %s", res.status, res.header.Get("Content-Type"))
		}
	}
	t.Setenv("QIANGXIAN_NOTICE_FONT", "/nonexistent/font.ttf")
	res := d.as(t, "").do("GET", "/notice.pdf", nil)
	if res.status != http.StatusServiceUnavailable || !bytes.Contains(res.body, []byte("fonts-arphic-gbsn00lp")) ||
		!strings.HasPrefix(res.header.Get("Content-Type"), "text/html") {
		t.Errorf("/notice.pdf without the font: %d %s %.300s", res.status, res.header.Get("Content-Type"), res.body)
	}
}

// TestStaticAndLanguage checks the assets' caching and the language switch.
func TestStaticAndLanguage(t *testing.T) {
	d := newDemoSite(t)
	c := d.as(t, "")
	page := c.do("GET", "/rankings", nil)
	css := regexp.MustCompile(`href="(/static/app\.css\?v=[0-9a-f]+)"`).FindSubmatch(page.body)
	if css == nil {
		t.Fatal("no versioned stylesheet link")
	}
	res := c.do("GET", string(css[1]), nil)
	if res.status != http.StatusOK || !strings.Contains(res.header.Get("Cache-Control"), "immutable") ||
		!strings.HasPrefix(res.header.Get("Content-Type"), "text/css") {
		t.Errorf("app.css: %d %q %q", res.status, res.header.Get("Cache-Control"), res.header.Get("Content-Type"))
	}
	if res := c.do("GET", "/static/", nil); res.status != http.StatusNotFound {
		t.Errorf("/static/ lists a folder: %d", res.status)
	}
	if bytes.Contains(page.body, []byte("http://")) || bytes.Contains(page.body, []byte("https://")) {
		t.Error("the page refers to another host")
	}
	res = c.do("GET", "/lang?to=en&next=/rankings?lang=zh", nil)
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/rankings" ||
		!strings.Contains(res.header.Get("Set-Cookie"), "lang=en") {
		t.Errorf("/lang: %d to %q, cookie %q", res.status, res.header.Get("Location"), res.header.Get("Set-Cookie"))
	}
	c.hdr = http.Header{"Cookie": {"lang=en"}}
	if res := c.do("GET", "/rankings", nil); !bytes.Contains(res.body, []byte("County rankings")) {
		t.Error("the lang cookie does not make the page English")
	}
	if res := c.do("GET", "/lang?to=en&next=//evil.example", nil); res.header.Get("Location") != "/" {
		t.Errorf("/lang follows an off-site next: %q", res.header.Get("Location"))
	}
}

// TestAdminMapUpload uploads boundary maps as the administrator: a broken
// one is refused with every problem named; one with a single county is
// stored (the other 85 named as missing) and drawn; reset goes back to
// the tiles.
func TestAdminMapUpload(t *testing.T) {
	d := newDemoSite(t)
	tok, _, err := d.db.CreateAPIToken(context.Background(), store.Actor{Username: "test"}, "admin", "t", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	admin := d.as(t, "")
	admin.token = tok
	bad := `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},
		{"type":"Feature","properties":{"adcode":"620102"},"geometry":{"type":"Point","coordinates":[1,2]}}]}`
	res := admin.do("POST", "/admin/map", geoUpload(t, bad))
	if res.status != http.StatusUnprocessableEntity || !bytes.Contains(res.body, []byte("第 1 个要素没有 6 位区划代码")) ||
		!bytes.Contains(res.body, []byte("第 2 个要素（620102）")) {
		t.Errorf("a broken map: %d %.400s", res.status, res.body)
	}
	one := `{"type":"FeatureCollection","features":[
		{"type":"Feature","properties":{"adcode":"620102"},"geometry":{"type":"Polygon","coordinates":[[[103,36],[104,36],[104,37],[103,36]]]}},
		{"type":"Feature","properties":{"adcode":"999999"},"geometry":{"type":"Polygon","coordinates":[[[105,36],[106,36],[106,37],[105,36]]]}}]}`
	res = admin.do("POST", "/admin/map", geoUpload(t, one))
	if res.status != http.StatusOK || !bytes.Contains(res.body, []byte(`id="saved"`)) ||
		!bytes.Contains(res.body, []byte("620103 七里河区")) || !bytes.Contains(res.body, []byte("999999")) {
		t.Fatalf("a one-county map: %d %.400s", res.status, res.body)
	}
	home := d.as(t, "").do("GET", "/", nil)
	if n := count(home.body, `<path class="county c\d"`); n != 1 || count(home.body, `<rect `) != 0 {
		t.Errorf("after the upload the dashboard draws %d county shapes and %d tiles", n, count(home.body, `<rect `))
	}
	res = admin.do("POST", "/admin/map", form("reset", "1"))
	home = d.as(t, "").do("GET", "/", nil)
	if res.status != http.StatusOK || count(home.body, `<rect `) != 86 {
		t.Errorf("after reset: %d, %d tiles", res.status, count(home.body, `<rect `))
	}
}

func geoUpload(t *testing.T, content string) *multipartBody {
	t.Helper()
	m := upload(t, "map.geojson", content, nil)
	// upload names its file field "file"; the form's is "geojson".
	b := bytes.Replace(m.buf.Bytes(), []byte(`name="file"`), []byte(`name="geojson"`), 1)
	m.buf.Reset()
	m.buf.Write(b)
	return m
}
