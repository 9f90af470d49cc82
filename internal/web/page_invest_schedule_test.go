package web_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/qiangxian/qiangxian/internal/docx"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestFollowupAndMeetingPaper: the follow-up status judged on two days
// (worked by hand below), the overdue problems per department, and the
// scheduling meeting's workbook and document on the fixture of
// authz_followup_test.go, with no funds reported (the day is today).
func TestFollowupAndMeetingPaper(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		followupFixture(t, db, f.actorOf)
		srv := start(t, db, testConfig(), webHooks())
		ana := client{t: t, base: srv.url, token: f.tokens["ana"]}
		r := ana.do("PUT", "/api/v1/invest/followup/YZ1", map[string]any{"years": []map[string]any{
			{"year": 2023, "side": "commit", "investment": 10000}, {"year": 2023, "side": "actual", "investment": 5000}}})
		if r.status != ok {
			t.Fatalf("PUT: %d %s", r.status, r.body)
		}
		type finding struct {
			Check    string
			Year     int
			Ratio    *float64
			DaysLate int `json:"days_late"`
			Status   string
		}
		half := 0.5
		for _, c := range []struct {
			asOf   string
			status string
			want   []finding
		}{
			// 2023-03-01 → 2023-03-11: 10 days late, 2023 not complete: 预警.
			{"2023-03-11", "预警", []finding{{Check: "start", DaysLate: 10, Status: "预警"}}},
			// 2023-03-01 → 2024-01-10: 306 (to 2024-01-01) + 9 = 315 days > 180: 违约;
			// investment 2023: 5000 / 10000 = 0.5 < 0.7: 违约.
			{"2024-01-10", "违约", []finding{{Check: "start", DaysLate: 315, Status: "违约"},
				{Check: "investment", Year: 2023, Ratio: &half, Status: "违约"}}},
		} {
			var got struct {
				Status   string
				Findings []finding
			}
			ana.do("GET", "/api/v1/invest/followup/YZ1?asof="+c.asOf, nil).decode(t, &got)
			if got.Status != c.status || !cmp.Equal(got.Findings, c.want) {
				t.Errorf("on %s: %s %+v, want %s %+v", c.asOf, got.Status, got.Findings, c.status, c.want)
			}
		}
		raise := func(project, dept, deadline string) {
			r := ana.do("POST", "/api/v1/monitor/problems", map[string]any{"source": "project", "project": project, "title": project + " 开工滞后",
				"responsible": dept, "deadline": deadline})
			if r.status != made {
				t.Fatalf("raise: %d %s", r.status, r.body)
			}
		}
		raise("YZ1", "县自然资源局", "2020-01-31") // overdue
		raise("KD1", "县自然资源局", "2099-01-01")
		raise("YZ1", "县发展和改革局", "2099-12-31")
		var sch struct {
			Departments []struct {
				Responsible string
				Open        int
				Overdue     int
			}
			Problems []struct{ Project, Unit string }
		}
		ana.do("GET", "/api/v1/invest/schedule", nil).decode(t, &sch)
		// 县自然资源局: 2 open, 1 overdue; 县发展和改革局: 1 open, none overdue.
		if len(sch.Departments) != 2 || sch.Departments[0].Responsible != "县自然资源局" || sch.Departments[0].Open != 2 ||
			sch.Departments[0].Overdue != 1 || sch.Departments[1].Open != 1 || sch.Departments[1].Overdue != 0 {
			t.Errorf("departments %+v", sch.Departments)
		}
		if len(sch.Problems) != 3 || sch.Problems[2].Project != "YZ1" || sch.Problems[2].Unit != "620123" {
			t.Errorf("problems %+v", sch.Problems)
		}
		// Behind schedule a page at a time (YZ1 then KD1), with the count of all.
		for q, want := range map[string]string{"": "YZ1,KD1", "?limit=1": "YZ1", "?limit=1&offset=1": "KD1", "?offset=2": ""} {
			var page struct {
				Total  int `json:"behind_total"`
				Behind []struct{ ID string }
			}
			ana.do("GET", "/api/v1/invest/schedule"+q, nil).decode(t, &page)
			var ids []string
			for _, p := range page.Behind {
				ids = append(ids, p.ID)
			}
			if page.Total != 2 || strings.Join(ids, ",") != want {
				t.Errorf("%q: %d behind, page %v; want 2, %s", q, page.Total, ids, want)
			}
		}
		if r := ana.do("GET", "/api/v1/invest/schedule?offset=1900", nil); r.status != ok {
			t.Errorf("offset=1900 (the last page of 100 in the window): %d %s", r.status, r.body)
		}
		for _, q := range []string{"limit=0", "limit=501", "limit=-1", "limit=x", "offset=-1", "offset=x", "offset=1901",
			"offset=1600&limit=500"} {
			if r := ana.do("GET", "/api/v1/invest/schedule?"+q, nil); r.status != bad {
				t.Errorf("%s: %d %s, want 400", q, r.status, r.body)
			}
		}

		r = ana.do("GET", "/invest/schedule/meeting.xlsx", nil)
		if r.status != ok {
			t.Fatalf("meeting.xlsx: %d", r.status)
		}
		x, err := excelize.OpenReader(bytes.NewReader(r.body))
		must(t, err)
		defer x.Close()
		rows := func(sheet string) [][]string {
			rs, err := x.GetRows(sheet)
			must(t, err)
			return rs
		}
		// Behind schedule: YZ1 (start due 2023-03-01) before KD1 (2023-06-01); both missed the start,
		// YZ1 its production (2025-03-01) too.
		behind := rows("进度滞后项目")
		if len(behind) != 4 || behind[2][0] != "YZ1" || behind[3][0] != "KD1" || behind[2][7] != "是" || behind[2][8] != "是" ||
			len(behind[3]) > 8 && behind[3][8] != "" || behind[2][10] != "县长" {
			t.Errorf("behind schedule %q", behind)
		}
		if open := rows("未销号问题"); len(open) != 5 || open[1][0] != "编号" {
			t.Errorf("open problems %q", open)
		}
		if depts := rows("逾期问题按责任单位"); len(depts) != 4 || !cmp.Equal(depts[2], []string{"县自然资源局", "2", "1", depts[2][3]}) {
			t.Errorf("departments %q", depts)
		}
		r = ana.do("GET", "/invest/schedule/meeting.docx", nil)
		text, err := docx.ReadText(r.body)
		must(t, err)
		// 3 key projects (YZ1 6 亿, YZ2 5 亿, KD1 7 亿), 2 with a leader; 2 behind,
		// both at the start, YZ1 also at production; 3 open problems, 1 overdue.
		all := text.All()
		for _, want := range []string{"签约重点项目3个，已明确包抓领导2个。进度滞后2个，其中未按期开工2个、未按期投产1个；项目问题未销号3个，其中逾期1个。",
			"县自然资源局（逾期1件", "内部资料", "示例项目YZ1（榆中县，滞后"} {
			if !strings.Contains(all, want) {
				t.Errorf("the document lacks %q", want)
			}
		}
	})
}
