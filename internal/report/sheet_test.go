package report_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/report"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestSheetOwnData: a score sheet takes the unit's own rows only, even
// when handed another unit's, and its workbook names no other unit; its
// objections show with their outcome.
func TestSheetOwnData(t *testing.T) {
	o := &method.Outcome{Method: demoMethod, Units: []method.Unit{{Code: "620602", Types: []string{"城市服务型"}},
		{Code: "620102", Types: []string{"城市服务型"}}}, Rank: []float64{1, 2}}
	rows := demoResults()
	in := report.SheetInput{Run: store.Run{ID: 7, Period: "2022"}, Unit: units["620602"], Prefecture: "武威市", Rows: rows, Outcome: o,
		Objections: []store.ResultObjection{{ID: 3, RunID: 6, Unit: "620602", Reason: "旅游收入漏报", Outcome: store.OutcomeUpheld, Answer: "已更正"}}}
	s, err := report.BuildSheet(in)
	if err != nil {
		t.Fatal(err)
	}
	if s.Score != 90 || s.Rank != 1 || s.Ranked != 2 || !slices.Equal(s.Awards, []string{"十强县", "先进县(城市服务型)"}) ||
		len(s.TypeRanks) != 1 || s.TypeRanks[0].Rank != 1 || s.RankChange != 0 {
		t.Errorf("sheet = %+v", s)
	}
	var cells []string
	for _, sh := range report.SheetWorkbook(s, locale.ZH) {
		for _, row := range sh.Rows {
			for _, c := range row {
				if str, ok := c.(string); ok {
					cells = append(cells, str)
				}
			}
		}
	}
	all := strings.Join(cells, "|")
	for code, u := range units {
		if code == "620602" || u.Kind != store.UnitCounty {
			continue
		}
		if strings.Contains(all, code) || strings.Contains(all, u.Name) {
			t.Errorf("the workbook names %s %s", code, u.Name)
		}
	}
	for _, want := range []string{"620602", "凉州区", "武威市", "异议成立", "已更正", "1 / 2"} {
		if !slices.Contains(cells, want) {
			t.Errorf("the workbook lacks a cell %q", want)
		}
	}
	in.Unit = units["620121"]
	if _, err := report.BuildSheet(in); err == nil {
		t.Error("a sheet of a unit the outcome does not have: no error")
	}
}

// TestSheetNoAwardSaysNone: a unit without an award reads 获奖情况 "无"
// (or "none"), never a blank cell.
func TestSheetNoAwardSaysNone(t *testing.T) {
	s := report.Sheet{Code: "620602", Name: "凉州区"}
	for _, tc := range []struct {
		lang locale.Lang
		want string
	}{{locale.ZH, "无"}, {locale.EN, "none"}} {
		found := false
		for _, sh := range report.SheetWorkbook(&s, tc.lang) {
			for _, row := range sh.Rows {
				if len(row) == 2 && (row[0] == "获奖情况" || row[0] == "Awards") {
					found = row[1] == tc.want
				}
			}
		}
		if !found {
			t.Errorf("%s: the awards row does not read %q", tc.lang, tc.want)
		}
	}
}
