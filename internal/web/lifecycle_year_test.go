package web_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/docx"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/xuri/excelize/v2"
)

// runOf decodes a run answer.
type runReply struct {
	ID         int64  `json:"id"`
	State      string `json:"state"`
	Parent     int64  `json:"parent"`
	Revision   int64  `json:"revision"`
	Visibility string `json:"visibility"`
}

// formOf encodes fields as a browser form would.
func formOf(kv ...string) *strings.Reader {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return strings.NewReader(v.Encode())
}

// TestLifecycleYear scripts the office's end of a year on the demo with
// the three users of its chain (issue 12): a corrected figure, a re-run of
// the published 2022 run by the analyst, review, the 公示 opened by the
// office head for five working days and readable by the public, an
// objection that arrived by stamped letter registered by the analyst
// (counties have no form), the run kept in 公示 until the window closes
// (the closing day named), an objection after it refused with the days
// named, the objection upheld and the figure corrected, a re-run that
// carries the objection over, a second 公示, approval by the approver with
// the meeting's record (the analyst refused: 403) and publication, which
// supersedes the first 2022 run and records the correction; then the
// notice .docx opened and its text checked, every county's score sheet in
// the ZIP holding only its own data, and who may download what.
func TestLifecycleYear(t *testing.T) {
	clk := &clock{t: time.Now()}
	d := newDemoSiteAt(t, clk)
	ana, head, boss, lz, anon := d.as(t, "ana"), d.as(t, "head"), d.as(t, "boss"), d.as(t, "liangzhou"), d.as(t, "")
	must200 := func(r response, what string) {
		t.Helper()
		if r.status >= 300 {
			t.Fatalf("%s: %d %s", what, r.status, r.body)
		}
	}
	move := func(c client, id int64, states ...string) {
		t.Helper()
		for _, s := range states {
			must200(c.do("POST", fmt.Sprintf("/api/v1/runs/%d/transitions", id), map[string]string{"state": s}), "to "+s)
		}
	}
	correct := func(unit, ind string, delta float64) {
		t.Helper()
		var obs []struct{ Value float64 }
		ana.do("GET", "/api/v1/observations?period=2022&unit="+unit+"&indicator="+ind, nil).decode(t, &obs)
		if len(obs) == 0 {
			t.Fatalf("no %s figure of %s", ind, unit)
		}
		csv := fmt.Sprintf("代码,%s\n%s,%s\n", ind, unit, strconv.FormatFloat(obs[len(obs)-1].Value+delta, 'f', -1, 64))
		must200(ana.do("POST", "/api/v1/observations", upload(t, "correction.csv", csv, map[string]string{"period": "2022"})), "correction")
	}
	window := func(id int64) (string, string) {
		t.Helper()
		var l struct {
			NoticeStart string `json:"notice_start"`
			NoticeEnd   string `json:"notice_end"`
		}
		ana.do("GET", fmt.Sprintf("/api/v1/runs/%d/lifecycle", id), nil).decode(t, &l)
		return l.NoticeStart, l.NoticeEnd
	}
	// afterWindow moves the clock to noon (China time) of the day after the
	// window's last day.
	afterWindow := func(end string) {
		t.Helper()
		last, err := time.ParseInLocation(time.DateOnly, end, store.ChinaTime)
		must(t, err)
		clk.mu.Lock()
		clk.t = last.AddDate(0, 0, 1).Add(12 * time.Hour)
		clk.mu.Unlock()
	}

	// A department corrects a figure after publication; the analyst re-runs
	// 2022. The published run stays published until the re-run is.
	pub := publishedRun(t, d, "2022")
	correct("620621", "tourism_rev", 1.5)
	var r1 runReply
	r := ana.do("POST", fmt.Sprintf("/api/v1/runs/%d/rerun", pub.ID), map[string]string{"note": "数据更正后重算"})
	must200(r, "rerun of the published run")
	r.decode(t, &r1)
	if r1.Parent != pub.ID || r1.State != "draft" || r1.Visibility != "full" || r1.Revision <= pub.Revision {
		t.Fatalf("re-run %+v of published run %d (revision %d)", r1, pub.ID, pub.Revision)
	}
	must200(ana.do("PUT", fmt.Sprintf("/api/v1/runs/%d/lifecycle", r1.ID), map[string]string{"doc_number": "甘县评办发〔2023〕3号"}), "文号")
	move(ana, r1.ID, "review")
	// The analyst may not open the 公示; the office head does, for five
	// working days from today.
	if r := ana.do("POST", fmt.Sprintf("/api/v1/runs/%d/notice", r1.ID), map[string]int{"working_days": 5}); r.status != http.StatusForbidden {
		t.Errorf("the analyst opening the 公示: %d, want 403", r.status)
	}
	must200(head.do("POST", fmt.Sprintf("/api/v1/runs/%d/notice", r1.ID), map[string]int{"working_days": 5}), "公示")
	first, last := window(r1.ID)

	// During the 公示 the public reads the run and its proposed awards.
	if r := anon.do("GET", fmt.Sprintf("/api/v1/runs/%d/results", r1.ID), nil); r.status != http.StatusOK || !strings.Contains(string(r.body), "十强县") {
		t.Errorf("the public reading the run in 公示: %d", r.status)
	}
	// A county has no objection form; the analyst registers its stamped letter.
	obj := map[string]string{"unit": "620602", "reason": "旅游综合收入漏报一个景区", "attachment": "凉州区文旅局说明.pdf",
		"channel": "letter", "submitter_kind": "unit", "submitter": "武威市凉州区人民政府", "letter": "凉政函〔2026〕12号"}
	if r := lz.do("POST", fmt.Sprintf("/api/v1/runs/%d/objections", r1.ID), obj); r.status != http.StatusForbidden {
		t.Errorf("a county objecting on the web: %d, want 403", r.status)
	}
	if page := lz.do("GET", fmt.Sprintf("/counties/620602?run=%d", r1.ID), nil); strings.Contains(string(page.body), `id="result-objection-form"`) {
		t.Error("the county profile in 公示 offers an objection form")
	}
	r = ana.do("POST", fmt.Sprintf("/runs/%d/lifecycle", r1.ID), formOf("op", "register", "unit", obj["unit"], "reason", obj["reason"],
		"channel", obj["channel"], "submitter_kind", obj["submitter_kind"], "submitter", obj["submitter"], "letter", obj["letter"]))
	if r.status != http.StatusSeeOther {
		t.Fatalf("registering the letter: %d %s", r.status, r.body)
	}
	var objs []struct {
		ID          int64
		Outcome     string
		Submitter   string
		CarriedFrom int64 `json:"carried_from"`
	}
	ana.do("GET", fmt.Sprintf("/api/v1/runs/%d/objections", r1.ID), nil).decode(t, &objs)
	if len(objs) != 1 || objs[0].Outcome != "open" || objs[0].Submitter != obj["submitter"] {
		t.Fatalf("objections: %+v", objs)
	}
	// The run stays in 公示 until the window has closed.
	r = ana.do("POST", fmt.Sprintf("/api/v1/runs/%d/transitions", r1.ID), map[string]string{"state": "objections"})
	if r.status != http.StatusConflict || !strings.Contains(string(r.body), "公示期至 "+last+" 结束") {
		t.Fatalf("leaving the 公示 early: %d %s; want 409 naming %s", r.status, r.body, last)
	}
	afterWindow(last)
	r = ana.do("POST", fmt.Sprintf("/api/v1/runs/%d/objections", r1.ID), obj)
	if r.status != http.StatusConflict || !strings.Contains(string(r.body), first+" 至 "+last) {
		t.Fatalf("an objection after the window: %d %s; want 409 naming the window", r.status, r.body)
	}
	move(ana, r1.ID, "objections")
	if r := boss.do("POST", fmt.Sprintf("/api/v1/runs/%d/transitions", r1.ID), approveBody); r.status != http.StatusConflict {
		t.Errorf("approving with an open objection: %d, want 409", r.status)
	}
	// Upheld on the lifecycle page; the figure is corrected; re-run.
	r = ana.do("POST", fmt.Sprintf("/runs/%d/lifecycle", r1.ID), formOf("op", "answer", "objection", runID(objs[0].ID),
		"outcome", "upheld", "answer", "经核实，异议成立，已更正旅游综合收入"))
	if r.status != http.StatusSeeOther {
		t.Fatalf("answering: %d %s", r.status, r.body)
	}
	correct("620602", "tourism_rev", 2.5)
	r = ana.do("POST", fmt.Sprintf("/runs/%d/lifecycle", r1.ID), formOf("op", "rerun", "note", "异议成立，更正后重算"))
	m := regexp.MustCompile(`^/runs/(\d+)/lifecycle`).FindStringSubmatch(r.header.Get("Location"))
	if r.status != http.StatusSeeOther || m == nil {
		t.Fatalf("re-run form: %d %q", r.status, r.header.Get("Location"))
	}
	var r2 runReply
	ana.do("GET", "/api/v1/runs/"+m[1], nil).decode(t, &r2)
	var life1 struct {
		SupersededBy int64 `json:"superseded_by"`
		DocNumber    string
	}
	ana.do("GET", fmt.Sprintf("/api/v1/runs/%d/lifecycle", r1.ID), nil).decode(t, &life1)
	if r2.Parent != r1.ID || life1.SupersededBy != r2.ID || r2.Revision <= r1.Revision {
		t.Fatalf("re-run %+v of %d: the old run is superseded by %d", r2, r1.ID, life1.SupersededBy)
	}
	if r := boss.do("POST", fmt.Sprintf("/api/v1/runs/%d/transitions", r1.ID), approveBody); r.status != http.StatusConflict {
		t.Errorf("approving the superseded run: %d, want 409", r.status)
	}
	// The objection and its answer travel with the re-run.
	objs = nil
	ana.do("GET", fmt.Sprintf("/api/v1/runs/%d/objections", r2.ID), nil).decode(t, &objs)
	if len(objs) != 1 || objs[0].Outcome != "upheld" || objs[0].CarriedFrom == 0 {
		t.Errorf("the re-run's objections: %+v, want the upheld one carried over", objs)
	}
	runs := string(ana.do("GET", "/runs", nil).body)
	for _, want := range []string{fmt.Sprintf("重算自 #%d", pub.ID), fmt.Sprintf("重算自 #%d", r1.ID), fmt.Sprintf("已重算为 #%d", r2.ID)} {
		if !strings.Contains(runs, want) {
			t.Errorf("/runs does not show the chain: lacks %q", want)
		}
	}
	// The re-run goes through 公示 again (page form), then on to publication.
	move(ana, r2.ID, "review")
	today := store.Day(clk.now())
	r = head.do("POST", fmt.Sprintf("/runs/%d/lifecycle", r2.ID), formOf("op", "state", "state", "notice",
		"start", today.Format(time.DateOnly), "end", today.AddDate(0, 0, 13).Format(time.DateOnly)))
	if r.status != http.StatusSeeOther {
		t.Fatalf("公示 form: %d %s", r.status, r.body)
	}
	_, last = window(r2.ID)
	afterWindow(last)
	move(ana, r2.ID, "objections")
	for _, c := range []client{ana, head} {
		if r := c.do("POST", fmt.Sprintf("/api/v1/runs/%d/transitions", r2.ID), approveBody); r.status != http.StatusForbidden {
			t.Errorf("approval by the analyst or the office head: %d, want 403", r.status)
		}
	}
	must200(boss.do("POST", fmt.Sprintf("/api/v1/runs/%d/transitions", r2.ID), approveBody), "approval")
	if r := ana.do("POST", fmt.Sprintf("/api/v1/runs/%d/transitions", r2.ID), map[string]string{"state": "published"}); r.status != http.StatusForbidden {
		t.Errorf("publication by the analyst: %d, want 403", r.status)
	}
	move(boss, r2.ID, "published")
	if r := ana.do("PUT", fmt.Sprintf("/api/v1/runs/%d/lifecycle", r2.ID), map[string]string{"doc_number": "改号"}); r.status != http.StatusConflict {
		t.Errorf("changing the 文号 of the published run: %d, want 409", r.status)
	}
	if r := ana.do("POST", fmt.Sprintf("/api/v1/runs/%d/objections", r2.ID), obj); r.status != http.StatusConflict {
		t.Errorf("registering an objection to the published run: %d, want 409", r.status)
	}
	// One published run for 2022: the first is superseded, still public,
	// and the re-run records the correction and its approval.
	var list []runReply
	anon.do("GET", "/api/v1/runs?period=2022", nil).decode(t, &list)
	states := map[int64]string{}
	published := 0
	for _, x := range list {
		states[x.ID] = x.State
		if x.State == "published" {
			published++
		}
	}
	if published != 1 || states[r2.ID] != "published" || states[pub.ID] != "superseded" {
		t.Errorf("2022 runs for the public: %v; want %d alone published and %d superseded", states, r2.ID, pub.ID)
	}
	var life2 struct {
		Approval struct {
			Meeting, MinuteNo, Approver string
		}
		Correction struct {
			Supersedes int64
			Changes    []struct{ Unit, Award, Change, Reason string }
		}
	}
	anon.do("GET", fmt.Sprintf("/api/v1/runs/%d/lifecycle", r2.ID), nil).decode(t, &life2)
	if life2.Approval.Approver != "王某某" || life2.Approval.Meeting != "领导小组会议" || life2.Correction.Supersedes != pub.ID {
		t.Errorf("the published re-run's lifecycle: %+v", life2)
	}
	for _, c := range life2.Correction.Changes {
		if c.Unit == "" || c.Award == "" || (c.Change != "gained" && c.Change != "lost") || c.Reason == "" {
			t.Errorf("an award change without its unit, award, direction or reason: %+v", c)
		}
	}

	checkNoticeDocx(t, d, r2.ID)
	checkSheets(t, d, r2.ID)
	checkSheetAccess(t, d, r2.ID)
}

func runID(id int64) string { return strconv.FormatInt(id, 10) }

// checkNoticeDocx opens the published run's notice as the public gets it
// and checks its text against the run's results.
func checkNoticeDocx(t *testing.T, d *demoSite, id int64) {
	t.Helper()
	r := d.as(t, "").do("GET", "/notice.docx", nil) // the latest published: the re-run
	if r.status != http.StatusOK || !strings.Contains(r.header.Get("Content-Type"), "wordprocessingml") {
		t.Fatalf("GET /notice.docx: %d %s", r.status, r.header.Get("Content-Type"))
	}
	if again := d.as(t, "").do("GET", fmt.Sprintf("/notice.docx?run=%d", id), nil); !bytes.Equal(again.body, r.body) {
		t.Error("/notice.docx is not the notice of the latest published run")
	}
	text, err := docx.ReadText(r.body)
	if err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		Unit   string
		Level  int
		Group  string
		Rank   float64
		Awards []string
	}
	d.as(t, "").do("GET", fmt.Sprintf("/api/v1/runs/%d/results", id), nil).decode(t, &rows)
	type top struct {
		code string
		rank float64
	}
	// The overall rows: no group, the top level.
	var tops []top
	level := 0
	for _, x := range rows {
		level = max(level, x.Level)
	}
	for _, x := range rows {
		if x.Group == "" && x.Level == level && slices.Contains(x.Awards, "十强县") {
			tops = append(tops, top{x.Unit, x.Rank})
		}
	}
	slices.SortFunc(tops, func(a, b top) int { return int(a.rank - b.rank) })
	units, err := d.db.Units(ctx, store.UnitFilter{})
	must(t, err)
	name := map[string]store.Unit{}
	for _, u := range units {
		name[u.Code] = u
	}
	var want []string
	for _, x := range tops {
		want = append(want, name[name[x.code].Parent].Name+name[x.code].Name)
	}
	paras := text.Paragraphs
	i := slices.Index(paras, "（一）十强县（10个）")
	if len(tops) != 10 || i < 0 || i+1 >= len(paras) || paras[i+1] != strings.Join(want, "、") {
		t.Errorf("十强县 in the notice: heading at %d, list %q; want %q", i, paras[min(i+1, len(paras)-1)], strings.Join(want, "、"))
	}
	all := strings.Join(paras, "\n")
	for _, s := range []string{"县域经济发展综合评价工作领导小组办公室（示例）文件", "甘县评办发〔2023〕3号", "关于2022年度县域经济发展综合评价结果的通报",
		"（二）先进县（", "（三）进步县（", "附件：1．2022年度县域经济发展综合评价综合排名"} {
		if !strings.Contains(all, s) {
			t.Errorf("the notice lacks %q", s)
		}
	}
	// The overall ranking, then one table per type (issue 13).
	if len(text.Tables) != 6 || len(text.Tables[0]) != 87 {
		t.Errorf("the notice has %d tables, want 6, the first of 86 counties and a header", len(text.Tables))
	}
}

// checkSheets downloads every county's score sheet in one ZIP and checks
// that each holds its own code and no other county's code or name.
func checkSheets(t *testing.T, d *demoSite, id int64) {
	t.Helper()
	c := d.as(t, "ana")
	req, _ := http.NewRequest("GET", fmt.Sprintf("%s/runs/%d/sheets.zip", d.url, id), nil)
	req.Header.Set("Authorization", "Bearer "+c.token)
	slow := &http.Client{Timeout: 10 * time.Minute}
	resp, err := slow.Do(req)
	must(t, err)
	var b bytes.Buffer
	_, err = b.ReadFrom(resp.Body)
	resp.Body.Close()
	must(t, err)
	z, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatalf("sheets.zip (%d, %d bytes): %v", resp.StatusCode, b.Len(), err)
	}
	if len(z.File) != 86 {
		t.Fatalf("sheets.zip has %d entries, want 86", len(z.File))
	}
	counties, err := d.db.Units(ctx, store.UnitFilter{Kind: store.UnitCounty})
	must(t, err)
	for _, f := range z.File {
		code, _, _ := strings.Cut(f.Name, "-")
		rc, err := f.Open()
		must(t, err)
		x, err := excelize.OpenReader(rc)
		rc.Close()
		must(t, err)
		var cells []string
		for _, sh := range x.GetSheetList() {
			rows, err := x.GetRows(sh)
			must(t, err)
			for _, row := range rows {
				cells = append(cells, row...)
			}
		}
		x.Close()
		if !slices.Contains(cells, code) {
			t.Errorf("%s: the sheet does not name its own code", f.Name)
		}
		own := ""
		for _, u := range counties {
			if u.Code == code {
				own = u.Name
			}
		}
		for _, u := range counties {
			// 宁县 is in 正宁县's own name: not a mention of 宁县.
			if u.Code == code || strings.Contains(own, u.Name) {
				continue
			}
			for _, cell := range cells {
				if cell == u.Code || strings.Contains(cell, u.Name) {
					t.Errorf("%s: a cell names another county, %s %s: %q", f.Name, u.Code, u.Name, cell)
				}
			}
		}
		if code == "620602" && !slices.ContainsFunc(cells, func(s string) bool { return s == "异议成立" }) {
			t.Errorf("%s: the upheld objection to the parent run is not on the sheet", f.Name)
		}
	}
}

// checkSheetAccess: a county's sheet goes to that county and the
// provincial office alone; the ZIP to the office; the notice of a run
// published with its full table to everyone.
func checkSheetAccess(t *testing.T, d *demoSite, id int64) {
	t.Helper()
	var tok struct{ Token string }
	d.as(t, "").do("POST", "/api/v1/tokens", map[string]string{"username": "admin", "password": testConfig().AdminPassword}).decode(t, &tok)
	d.tokens["admin"] = tok.Token
	callers := []string{"admin", "ana", "liangzhou", "chengguan", "tjj", "viewer", ""}
	const see = http.StatusSeeOther // the login, for nobody
	run := "?run=" + runID(id)
	cases := []struct {
		path string
		want [7]int
	}{
		{"/counties/620602/sheet.xlsx" + run, [7]int{ok, ok, ok, forb, forb, forb, see}},
		{"/counties/620102/sheet.xlsx" + run, [7]int{ok, ok, forb, ok, forb, forb, see}},
		{"/counties/620602/sheet" + run, [7]int{ok, ok, ok, forb, forb, forb, see}},
		{fmt.Sprintf("/runs/%d/sheets.zip", id), [7]int{ok, ok, forb, forb, forb, forb, see}},
		{"/notice.docx" + run, [7]int{ok, ok, ok, ok, ok, ok, ok}},
		{"/counties/620602/sheet.pdf" + run, [7]int{-1, -1, -1, forb, forb, forb, see}},
	}
	for _, tc := range cases {
		for i, who := range callers {
			if tc.want[i] < 0 {
				continue
			}
			if r := d.as(t, who).do("GET", tc.path, nil); r.status != tc.want[i] {
				t.Errorf("GET %s as %q: %d, want %d", tc.path, who, r.status, tc.want[i])
			}
		}
	}
	// The county's own PDF: printed by Chromium when there is one, else a
	// 503 page that says what to do.
	r := d.as(t, "liangzhou").do("GET", "/counties/620602/sheet.pdf"+run, nil)
	switch r.status {
	case http.StatusOK:
		if !bytes.HasPrefix(r.body, []byte("%PDF")) {
			t.Errorf("sheet.pdf is not a PDF: %.40q", r.body)
		}
	case http.StatusServiceUnavailable:
		if !strings.Contains(string(r.body), "Chromium") {
			t.Errorf("sheet.pdf without Chromium: no explanation")
		}
	default:
		t.Errorf("sheet.pdf as the county: %d", r.status)
	}
}
