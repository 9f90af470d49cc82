package ingest_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// eventsMethod is a minimal method defining two event types.
const eventsMethod = `
[[type]]
name = "农业优先型"
[[node]]
code = "total"
name = "总分"
[[indicator]]
code = "gdp"
name = "地区生产总值"
parent = "total"
weight = 1
[[event]]
type = "较大安全生产事故"
effect = "deduct"
points = 1
[[event]]
type = "违规举债"
effect = "veto"
`

func TestImportEvents(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		yingji := auth.User{Name: "yj", Role: auth.RoleDepartment, Department: "应急管理厅"}
		ok := "单位代码,日期,事件类型,提供部门,文号,备注\n" +
			"620121,2022-03-01,较大安全生产事故,应急管理厅,甘安委〔2022〕1号,示例\n" +
			"620123,2022/7/9,较大安全生产事故,,甘安委〔2022〕2号,\n"
		// Before any method is stored, every type is accepted.
		rev, err := ingest.ImportEvents(ctx, db, alice, yingji, csv(t, "e.csv", ok), ingest.Options{Period: "2022"})
		if err != nil {
			t.Fatal(err)
		}
		es, err := db.Events(ctx, store.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range es {
			got = append(got, fmt.Sprintf("%s %s %s %s %s %q nan=%v @%d", e.Unit, e.Date.Format("2006-01-02"), e.Type,
				e.Department, e.Document, e.Note, math.IsNaN(e.Points), e.Revision))
		}
		want := []string{
			fmt.Sprintf("620121 2022-03-01 较大安全生产事故 应急管理厅 甘安委〔2022〕1号 \"示例\" nan=true @%d", rev.ID),
			fmt.Sprintf("620123 2022-07-09 较大安全生产事故 应急管理厅 甘安委〔2022〕2号 \"\" nan=true @%d", rev.ID),
		}
		if d := cmp.Diff(want, got); d != "" || rev.Kind != "events" {
			t.Errorf("events (-want +got):\n%s\nrevision %+v", d, rev)
		}

		if _, err := db.AddMethod(ctx, alice, "m", "1", eventsMethod); err != nil {
			t.Fatal(err)
		}
		bad := "单位代码,日期,事件类型,提供部门,文号,备注\n" +
			"620999,2022-13-01,较大事故,应急管理厅,x,\n" +
			"620121,2021-12-31,违规举债,财政厅,y,\n" +
			",2022-01-01,,应急管理厅,z,\n"
		_, err = ingest.ImportEvents(ctx, db, alice, yingji, csv(t, "e.csv", bad), ingest.Options{Period: "2022"})
		wantErrs := []string{
			"e.csv:2:1: 未知的单位代码 \"620999\"",
			"e.csv:2:2: 日期应为 YYYY-MM-DD，实际为 \"2022-13-01\"",
			"e.csv:2:3: 未知的事件类型 \"较大事故\"（已存评价方法定义的类型：较大安全生产事故、违规举债）",
			"e.csv:3:2: 日期 2021-12-31 不在期间 2022 内",
			"e.csv:3:4: 您的账号（yj department 应急管理厅）无权导入财政厅提供的事件",
			"e.csv:4:1: 单位代码为空",
			"e.csv:4:3: 事件类型为空",
		}
		if d := cmp.Diff(wantErrs, messages(t, err, locale.ZH)); d != "" {
			t.Errorf("errors (-want +got):\n%s", d)
		}
		if after, _ := db.LatestRevision(ctx); after != rev.ID {
			t.Errorf("a refused import created revision %d", after)
		}
	})
}

// TestImportEventsWorkbookDate reads a date cell of a workbook, which the
// reader gives as Excel's serial day number.
func TestImportEventsWorkbookDate(t *testing.T) {
	db := storetest.MustOpen(t)
	seed(t, db)
	path := filepath.Join(t.TempDir(), "events.xlsx")
	if err := xlsx.WriteFile(path, []xlsx.Sheet{{Name: "事件", Rows: [][]any{
		{"单位代码", "日期", "事件类型", "提供部门", "文号"},
		{"620821", 44835, "较大安全生产事故", "应急管理厅", "甘安委〔2022〕9号"}, // 2022-10-01
	}}}); err != nil {
		t.Fatal(err)
	}
	tb, err := xlsx.ReadTable(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.ImportEvents(ctx, db, alice, analyst, tb, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	es, _ := db.Events(ctx, store.EventFilter{})
	if len(es) != 1 || es[0].Date.Format("2006-01-02") != "2022-10-01" {
		t.Errorf("events %+v", es)
	}
}

func TestImportTargets(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		tb := csv(t, "t.csv", "单位代码,指标,目标值,备注\n620121,gdp,160,年初目标\n620123,年末常住人口,,\n")
		rev, err := ingest.ImportTargets(ctx, db, alice, analyst, tb, ingest.Options{Period: "2022"})
		if err != nil {
			t.Fatal(err)
		}
		ts, err := db.Targets(ctx, store.TargetFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, x := range ts {
			got = append(got, fmt.Sprintf("%s/%s/%s=%s %q @%d", x.Unit, x.Indicator, x.Period, table.FormatNumber(x.Value), x.Note, x.Revision))
		}
		want := []string{
			fmt.Sprintf("620121/gdp/2022=160 \"年初目标\" @%d", rev.ID),
			fmt.Sprintf("620123/pop/2022= \"\" @%d", rev.ID),
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("targets (-want +got):\n%s", d)
		}

		bad := "单位代码,指标,目标值\n620121,gdp,x\n620121,gdp,1\n620121,地区生产总值,2\n620000,gdpp,3\n"
		_, err = ingest.ImportTargets(ctx, db, alice, analyst, csv(t, "t.csv", bad), ingest.Options{Period: "2023"})
		wantErrs := []string{
			"t.csv:2:3: 应为数值，实际为 \"x\"",
			"t.csv:3:2: 单位 620121 的指标 gdp 在期间 2023 的目标重复（第一次在第 2 行）",
			"t.csv:4:2: 单位 620121 的指标 gdp 在期间 2023 的目标重复（第一次在第 2 行）",
			"t.csv:5:2: 未知的指标 \"gdpp\"",
		}
		if d := cmp.Diff(wantErrs, messages(t, err, locale.ZH)); d != "" {
			t.Errorf("errors (-want +got):\n%s", d)
		}
		// Departments read targets; they do not set them.
		_, err = ingest.ImportTargets(ctx, db, alice, tongji, tb, ingest.Options{Period: "2022"})
		if d := cmp.Diff([]string{"t.csv: 您的账号（tj department 统计局）无权导入目标值"}, messages(t, err, locale.ZH)); d != "" {
			t.Errorf("a department's targets (-want +got):\n%s", d)
		}
		if after, _ := db.LatestRevision(ctx); after != rev.ID {
			t.Errorf("refused imports created revision %d", after)
		}
	})
}

// TestTemplate fills a department's template and imports it back.
func TestTemplate(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, []store.Observation{
			{Unit: "620121", Indicator: "gdp", Period: "2021", Value: 140},
			{Unit: "620121", Indicator: "rev", Period: "2021", Value: 7},
		}); err != nil {
			t.Fatal(err)
		}
		sheets, err := ingest.Template(ctx, db, tongji, "2022")
		if err != nil {
			t.Fatal(err)
		}
		if len(sheets) != 2 || sheets[0].Name != ingest.TemplateSheet {
			t.Fatalf("sheets %v", sheets)
		}
		rows := sheets[0].Rows
		wantHeader := []any{"代码", "名称", "市州", "期间", "地区生产总值（gdp）", "参考：2021年 gdp", "年末常住人口（pop）", "参考：2021年 pop"}
		if d := cmp.Diff(wantHeader, rows[0]); d != "" {
			t.Errorf("header (-want +got):\n%s", d)
		}
		if d := cmp.Diff([]any{"620121", "永登县", "兰州市", "2022", nil, 140.0, nil, nil}, rows[1]); d != "" || len(rows) != 4 {
			t.Errorf("%d rows; first (-want +got):\n%s", len(rows), d)
		}
		// Fill in the figures, as a department would, and import.
		for i, r := range rows[1:] {
			r[4], r[6] = float64(100+i), float64(10+i)
		}
		var buf bytes.Buffer
		if err := xlsx.Write(&buf, sheets); err != nil {
			t.Fatal(err)
		}
		tb, err := xlsx.ReadTableFrom(&buf, "模板.xlsx", "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ingest.ImportWide(ctx, db, alice, tongji, tb, store.RevisionNote{}); err != nil {
			t.Fatal(err)
		}
		obs, _ := db.Observations(ctx, store.ObservationFilter{Periods: []string{"2022"}})
		if len(obs) != 6 {
			t.Errorf("%d figures imported from the template, want 3 counties × 2 indicators", len(obs))
		}

		if _, err := ingest.Template(ctx, db, county, "2022"); !errors.Is(err, ingest.ErrForbidden) {
			t.Errorf("a county user's template: %v, want ErrForbidden", err)
		}
	})
}
