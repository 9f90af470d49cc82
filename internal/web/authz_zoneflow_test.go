package web_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/docx"
	"github.com/qiangxian/qiangxian/internal/notice"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/zone"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

// zoneRules is a small zone method: one indicator, groups from 分组, 优秀
// for the first of each group.
const zoneRules = `title = "开发区考核（测试）"
[data]
types = ["分组"]
[[type]]
name = "g"
[[node]]
code = "total"
name = "总分"
[[indicator]]
code = "x"
name = "x"
parent = "total"
weight = 1
[[grade]]
name = "优秀"
max_rank = 1
[[grade]]
name = "合格"
`

// zoneData is a year's figures of the two test zones: Z1 first.
const zoneData = "代码,名称,分组,x\nZ1,甲开发区,g,10\nZ2,乙开发区,g,5\n"

// zoneFixture adds two zones of 兰州市 (Z1 with coordinates and a
// sub-park) and the zone method to the matrix fixture.
func zoneFixture(t *testing.T, db *store.DB, f *fixture) int64 {
	nan := math.NaN()
	must(t, db.PutZones(ctx, f.actorOf, []zone.Zone{
		{Code: "Z1", Name: "甲开发区", Level: zone.LevelProvincial, Kind: zone.KindProvincial, Host: "620100",
			AreaApproved: 100, AreaPlanned: nan, AreaBuilt: nan, Lat: 36.1, Lon: 103.8,
			Subparks: []zone.Subpark{{Code: "Z1-1", Name: "甲东园", Host: "620123", OutputShare: 1, TaxShare: 1}}},
		{Code: "Z2", Name: "乙开发区", Level: zone.LevelNational, Kind: zone.KindETDZ, Host: "620100",
			AreaApproved: nan, AreaPlanned: nan, AreaBuilt: nan, Lat: nan, Lon: nan},
	}))
	m, err := db.AddMethod(ctx, f.actorOf, "zones-test", "1", zoneRules)
	must(t, err)
	return m.ID
}

// TestZoneRunAuthorisation: zone runs, ready sites and the investment map
// as every role and scope. Creating a zone run and editing sites are the
// office's (administrator, analyst), checked before the input; a draft
// zone run is the office's to read; sites and the map are public.
func TestZoneRunAuthorisation(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		mid := zoneFixture(t, db, f)
		draft, err := db.CreateZoneRun(ctx, f.actorOf, store.NewZoneRun{MethodID: mid, Year: 2022, Grades: []store.ZoneGrade{
			{Zone: "Z1", Group: "g", GroupRank: 1, Score: 100, Grade: "优秀"}, {Zone: "Z2", Group: "g", GroupRank: 2, Score: 0, Grade: "合格"}}})
		must(t, err)
		srv := start(t, db, testConfig(), webHooks())
		create := map[string]any{"method": mid, "year": 2023, "data": zoneData}
		badData := map[string]any{"method": mid, "year": 2023, "data": "代码,名称,分组\nZ1,甲开发区,g\n"}
		site := map[string]any{"land_mu": 120, "factory_m2": 5000, "power_price": 0.45, "price_date": "2025-06-30", "source": "管委会"}
		noSource := map[string]any{"power_price": 0.45}
		cases := []struct {
			name, method, path string
			body               any
			want               [7]int // root, ana, tjj, lz, yz, v, anonymous
		}{
			{"create a zone run", "POST", "/api/v1/zones/runs", create, [7]int{made, made, forb, forb, forb, forb, unau}},
			{"create with bad data", "POST", "/api/v1/zones/runs", badData, [7]int{unpr, unpr, forb, forb, forb, forb, unau}},
			{"list zone runs", "GET", "/api/v1/zones/runs", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}},
			{"a draft zone run", "GET", fmt.Sprintf("/api/v1/zones?run=%d", draft.ID), nil, [7]int{ok, ok, forb, forb, forb, forb, unau}},
			{"a county run as a zone run", "GET", fmt.Sprintf("/api/v1/zones?run=%d", f.runs["pub-full"]), nil, [7]int{nf, nf, nf, nf, nf, nf, nf}},
			{"sites", "GET", "/api/v1/zones/sites", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}},
			{"set a site", "PUT", "/api/v1/zones/Z1/site", site, [7]int{ok, ok, forb, forb, forb, forb, unau}},
			{"prices without source", "PUT", "/api/v1/zones/Z1/site", noSource, [7]int{bad, bad, forb, forb, forb, forb, unau}},
			{"a site of no zone", "PUT", "/api/v1/zones/620123/site", site, [7]int{bad, bad, forb, forb, forb, forb, unau}},
			{"the investment map", "GET", "/invest/map", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}},
		}
		for _, tc := range cases {
			for i, who := range matrixCallers {
				name := who
				if name == "" {
					name = "anonymous"
				}
				t.Run(tc.name+"/"+name, func(t *testing.T) {
					r := client{t: t, base: srv.url, token: f.tokens[who]}.do(tc.method, tc.path, tc.body)
					if r.status != tc.want[i] {
						t.Fatalf("%s %s as %s: status %d, want %d: %s", tc.method, tc.path, name, r.status, tc.want[i], r.body)
					}
				})
			}
		}
		// The sites import: the office's, all or nothing, every bad cell
		// located (data.csv line 3, column 2).
		good := "zone,land_mu,factory_m2\nZ1,80,\nZ2,40,1000\n"
		bad := "zone,land_mu\nZ1,80\nZ2,-4\n"
		for _, c := range []struct {
			who, csv string
			want     int
			body     string
		}{
			{"v", good, forb, ""}, {"", good, unau, ""},
			{"ana", bad, unpr, "sites.csv:3:2"}, {"ana", good, ok, `{"zones":2}`},
		} {
			r := client{t: t, base: srv.url, token: f.tokens[c.who]}.do("POST", "/api/v1/zones/sites/import", upload(t, "sites.csv", c.csv, nil))
			if r.status != c.want || !strings.Contains(string(r.body), c.body) {
				t.Errorf("import as %q: %d %s, want %d with %q", c.who, r.status, r.body, c.want, c.body)
			}
		}
		var sites []struct {
			Zone      string
			LandMu    *float64 `json:"land_mu"`
			FactoryM2 *float64 `json:"factory_m2"`
		}
		client{t: t, base: srv.url}.do("GET", "/api/v1/zones/sites", nil).decode(t, &sites)
		if len(sites) != 2 || *sites[0].LandMu != 80 || sites[0].FactoryM2 != nil || *sites[1].FactoryM2 != 1000 {
			t.Errorf("sites after the import: %+v", sites)
		}
		// The office reads the draft's pages, marked as not published, the
		// profile links keeping the run; a viewer may not.
		for _, path := range []string{fmt.Sprintf("/zones?run=%d", draft.ID), fmt.Sprintf("/zones/Z1?run=%d", draft.ID),
			fmt.Sprintf("/zones/notice?run=%d", draft.ID)} {
			r := client{t: t, base: srv.url, token: f.tokens["ana"]}.do("GET", path, nil)
			if r.status != ok || !strings.Contains(string(r.body), "不是已发布的结果") {
				t.Errorf("ana %s: %d, or no mark of the unpublished run", path, r.status)
			}
			if r := (client{t: t, base: srv.url, token: f.tokens["v"]}).do("GET", path, nil); r.status != forb {
				t.Errorf("viewer %s: %d, want 403", path, r.status)
			}
		}
		if body := string(client{t: t, base: srv.url, token: f.tokens["ana"]}.do("GET", fmt.Sprintf("/zones?run=%d", draft.ID), nil).body); !strings.Contains(body, fmt.Sprintf(`href="/zones/Z1?run=%d"`, draft.ID)) {
			t.Error("the draft's ranking does not link the profiles with the run")
		}
		// The office lists the draft; the public none of the drafts.
		for who, want := range map[string]bool{"ana": true, "": false, "v": false} {
			var rs []struct{ ID int64 }
			client{t: t, base: srv.url, token: f.tokens[who]}.do("GET", "/api/v1/zones/runs", nil).decode(t, &rs)
			saw := false
			for _, r := range rs {
				saw = saw || r.ID == draft.ID
			}
			if saw != want {
				t.Errorf("%q lists the draft zone run: %v, want %v", who, saw, want)
			}
		}
		// The map shows the sites to all, the projects to logged-in users.
		for who, want := range map[string]string{"": "登录后可查看各阶段项目", "ana": "各阶段项目"} {
			body := string(client{t: t, base: srv.url, token: f.tokens[who]}.do("GET", "/invest/map", nil).body)
			if !strings.Contains(body, want) || !strings.Contains(body, "甲东园") || !strings.Contains(body, ">80.00<") {
				t.Errorf("%q: the map lacks %q, the sub-park or Z1's 80 亩", who, want)
			}
		}
	})
}

// TestZoneRunChain walks a zone run through the office's chain over HTTP
// (issue 12's rules, unchanged for zones): the analyst computes it and
// sends it to review; the 公示 is the office head's (the analyst 403); the
// run stays in 公示 until its window closes (409); an objection registered
// by letter must be answered before approval; approval and publication
// are the approver's (the analyst 403, never 409); the published zone
// assessment is then what the public reads, and its notice says 经领导小组
// 同意.
func TestZoneRunChain(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		mid := zoneFixture(t, db, f)
		// Thursday 1 June 2023, noon in Beijing.
		now := time.Date(2023, 6, 1, 12, 0, 0, 0, store.ChinaTime)
		db.SetClock(func() time.Time { return now })
		srv := start(t, db, testConfig(), webHooks())
		as := func(who string) client { return client{t: t, base: srv.url, token: f.tokens[who]} }
		step := func(who string, id int64, body any, want int) response {
			t.Helper()
			r := as(who).do("POST", fmt.Sprintf("/api/v1/runs/%d/transitions", id), body)
			if r.status != want {
				t.Fatalf("%s %v: %d, want %d: %s", who, body, r.status, want, r.body)
			}
			return r
		}
		var run runReply
		r := as("ana").do("POST", "/api/v1/zones/runs", map[string]any{"method": mid, "year": 2022, "data": zoneData})
		if r.status != made {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
		r.decode(t, &run)
		step("ana", run.ID, map[string]string{"state": "review"}, ok)
		step("ana", run.ID, map[string]string{"state": "notice"}, forb)
		step("head", run.ID, map[string]string{"state": "notice"}, ok)
		// During the 公示 the public reads the run (it is public notice).
		if r := as("").do("GET", fmt.Sprintf("/api/v1/zones?run=%d", run.ID), nil); r.status != ok {
			t.Errorf("the public during 公示: %d", r.status)
		}
		step("ana", run.ID, map[string]string{"state": "objections"}, conf) // the window is open
		if r := as("ana").do("POST", fmt.Sprintf("/api/v1/runs/%d/objections", run.ID), map[string]string{"unit": "Z2",
			"reason": "x 数据有误", "channel": "letter", "submitter_kind": "unit", "submitter": "乙开发区管委会", "letter": "乙管函〔2023〕1号"}); r.status != made {
			t.Fatalf("objection: %d %s", r.status, r.body)
		}
		now = time.Date(2023, 6, 12, 12, 0, 0, 0, store.ChinaTime)
		step("ana", run.ID, map[string]string{"state": "objections"}, ok)
		approve := map[string]any{"state": "approved", "approval": map[string]string{"meeting": "领导小组会议", "minute_no": "第1次", "meeting_date": "2023-06-12"}}
		step("ana", run.ID, approve, forb)
		step("boss", run.ID, approve, conf) // the objection is unanswered
		var objs []struct{ ID int64 }
		as("ana").do("GET", fmt.Sprintf("/api/v1/runs/%d/objections", run.ID), nil).decode(t, &objs)
		if len(objs) != 1 {
			t.Fatalf("objections: %+v", objs)
		}
		if r := as("ana").do("POST", fmt.Sprintf("/api/v1/runs/%d/objections/%d/answer", run.ID, objs[0].ID),
			map[string]string{"outcome": "rejected", "answer": "经核实数据无误"}); r.status != ok {
			t.Fatalf("answer: %d %s", r.status, r.body)
		}
		step("boss", run.ID, approve, ok)
		step("ana", run.ID, map[string]string{"state": "published"}, forb)
		step("boss", run.ID, map[string]string{"state": "published"}, ok)
		var got struct {
			Year  int
			Run   int64
			State string
			Zones []struct{ Code, Grade string }
		}
		if err := json.Unmarshal(as("").do("GET", "/api/v1/zones", nil).body, &got); err != nil {
			t.Fatal(err)
		}
		if got.Year != 2022 || got.Run != run.ID || got.State != "published" || len(got.Zones) != 2 || got.Zones[0].Code != "Z1" || got.Zones[0].Grade != "优秀" {
			t.Errorf("published zones: %+v", got)
		}
		if body := string(as("").do("GET", "/zones/notice", nil).body); !strings.Contains(body, "经领导小组同意，现将评价结果通报如下。") {
			t.Error("the notice does not say 经领导小组同意")
		}
	})
}

// TestDemoZoneNoticeSigned: the demo's zone notice of 2025 carries the
// registered 文号 and the approval of its run, on the page and in Word,
// PDF and OFD (zoneNoticeFiles).
func TestDemoZoneNoticeSigned(t *testing.T) {
	d := newDemoSite(t)
	body := string(d.as(t, "").do("GET", "/zones/notice", nil).body)
	for _, want := range []string{"甘开发区办发〔2026〕3号（示例）", "经领导小组同意，现将评价结果通报如下。", "2026年6月20日"} {
		if !strings.Contains(body, want) {
			t.Errorf("the zone notice lacks %q", want)
		}
	}
	zoneNoticeFiles(t, d)
	if r := d.as(t, "").do("GET", "/invest/map", nil); r.status != ok || !strings.Contains(string(r.body), "示例数据（非官方公布价格）") {
		t.Errorf("the map: %d, or no demo sites", r.status)
	}
}

// zoneNoticeFiles: the demo's zone notice as .docx, PDF and OFD on the
// county notice's document model: the .docx prints the masthead, the
// registered 文号 and date, 经领导小组同意 and the 优秀 list of each group;
// the PDF's text has every .docx paragraph before the annex, in order; the
// OFD is a package of parts.
func zoneNoticeFiles(t *testing.T, d *demoSite) {
	t.Helper()
	if notice.FontPath() == "" && os.Getenv("CI") == "" {
		t.Log("no TrueType CJK font: the zone notice's PDF and OFD are not checked")
		return
	}
	anon := d.as(t, "")
	get := func(path, ctype string) []byte {
		t.Helper()
		r := anon.do("GET", path, nil)
		if r.status != http.StatusOK || r.header.Get("Content-Type") != ctype {
			t.Fatalf("GET %s: %d %s %.200s", path, r.status, r.header.Get("Content-Type"), r.body)
		}
		return r.body
	}
	text, err := docx.ReadText(get("/zones/notice.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
	must(t, err)
	var body []string // the paragraphs before the annex
	for _, p := range text.Paragraphs {
		if strings.TrimSpace(p) == "附件" {
			break
		}
		if strings.TrimSpace(p) != "" {
			body = append(body, p)
		}
	}
	all := strings.Join(body, "\n")
	for _, want := range []string{zonereport.Issuer + "文件", "甘开发区办发〔2026〕3号（示例）", "经领导小组同意，现将评价结果通报如下。",
		"一、考核评价为优秀的开发区", "\n中部：", "\n河西：", "\n陇东南：", "三、动态管理", "（此件公开发布）", "2026年6月20日"} {
		if !strings.Contains(all, want) {
			t.Errorf("the zone notice's .docx lacks %q", want)
		}
	}
	excellent := ""
	for _, p := range body {
		if strings.HasPrefix(p, "中部：") {
			excellent = p
			break
		}
	}
	if !strings.Contains(excellent, "、") {
		t.Errorf("the 优秀 list of 中部 is %q", excellent)
	}

	pdf := get("/zones/notice.pdf", "application/pdf")
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("/zones/notice.pdf is not a PDF: %.40q", pdf)
	}
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		file := filepath.Join(t.TempDir(), "zone-notice.pdf")
		must(t, os.WriteFile(file, pdf, 0o644))
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
		must(t, err)
		pdfText := squeezed(regexp.MustCompile(`(?m)^\s*— \d+ —\s*$`).ReplaceAllString(string(out), ""))
		for _, want := range []string{"甘开发区办发〔2026〕3号（示例）", excellent} {
			if !strings.Contains(pdfText, squeezed(want)) {
				t.Errorf("the zone notice's PDF lacks %q", want)
			}
		}
		at := 0
		for _, p := range body {
			i := strings.Index(pdfText[at:], squeezed(p))
			if i < 0 {
				t.Errorf("the zone notice's PDF lacks the .docx paragraph %q (in order)", p)
				continue
			}
			at += i + len(squeezed(p))
		}
	} else if os.Getenv("CI") != "" {
		t.Fatal("pdftotext is not installed")
	}

	ofd := get("/zones/notice.ofd", "application/ofd")
	z, err := zip.NewReader(bytes.NewReader(ofd), int64(len(ofd)))
	must(t, err)
	if len(z.File) < 4 {
		t.Errorf("the zone notice's OFD has %d parts", len(z.File))
	}
}
