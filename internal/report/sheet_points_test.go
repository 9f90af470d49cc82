package report_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/report"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestSheetPointsAndEvents: the sheet of 凉州区 carries its points gaps in
// words, its movable inputs most recoverable first (one with nothing to
// gain left out), and its events with the invented one labelled 虚构 —
// also on the summary's veto row — and no other unit's event.
func TestSheetPointsAndEvents(t *testing.T) {
	o := &method.Outcome{Method: demoMethod, Units: []method.Unit{{Code: "620602", Types: []string{"城市服务型"}},
		{Code: "620102", Types: []string{"城市服务型"}}}, Rank: []float64{1, 2},
		Effects: []method.Effect{
			{Event: method.Event{Unit: "620602", Date: "2022-05-01", Type: "重大安全生产事故", Document: "示例〔2022〕1号", Note: "示例数据：虚构事件"}, Effect: method.EffectVeto},
			{Event: method.Event{Unit: "620602", Date: "2022-06-01", Type: "环保督察问题", Document: "示例〔2022〕2号"}, Effect: method.EffectDeduct, Points: 0.3},
			{Event: method.Event{Unit: "620102", Date: "2022-07-01", Type: "违规举债", Document: "示例〔2022〕3号", Note: "虚构"}, Effect: method.EffectVeto},
		}}
	rows := demoResults()
	for i := range rows {
		if rows[i].Unit == "620602" {
			rows[i].Vetoed = true
		}
	}
	in := report.SheetInput{Run: store.Run{ID: 7, Period: "2022"}, Unit: units["620602"], Rows: rows, Outcome: o,
		Points: []method.PointsGap{
			{Kind: method.GapNext, Place: 1, Score: 92.5, Own: 90, Points: 2.5},
			{Kind: method.AwardPerType, Award: "先进县", Type: "城市服务型", Place: 2, Score: 91, Own: 90, Points: 1},
		},
		Worths: []method.InputWorth{
			{Column: "gdp_growth", Value: 4.7, Best: 13.9, Step: 1, Points: 0.125, Recoverable: 1.15},
			{Column: "satisfaction", Value: 94.1, Best: 94.3, Step: 1, Points: 0.025, Recoverable: 0.004},
		}}
	s, err := report.BuildSheet(in)
	if err != nil {
		t.Fatal(err)
	}
	// satisfaction gains 0.004 (0.00 at two decimals): left out.
	if len(s.Worths) != 1 || s.Worths[0].Recoverable != 1.15 {
		t.Errorf("worths = %+v", s.Worths)
	}
	if len(s.Events) != 2 || !s.Events[0].Invented || s.Events[1].Invented || s.Events[1].Points != 0.3 || !math.IsNaN(s.Events[0].Points) {
		t.Errorf("events = %+v", s.Events)
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
	for _, want := range []string{
		"距上一名次（第 1 名）差 2.50 分",             // 92.5 − 90
		"距先进县（城市服务型第 2 名，91.00 分）差 1.00 分", // 91 − 90
		"是（虚构事件：示例数据，并非真实发生）", "虚构事件：示例数据，并非真实发生", "一票否决", "减分", "示例〔2022〕2号",
	} {
		if !slices.Contains(cells, want) {
			t.Errorf("the workbook lacks a cell %q", want)
		}
	}
	if all := strings.Join(cells, "|"); strings.Contains(all, "违规举债") || strings.Contains(all, "示例〔2022〕3号") {
		t.Error("the workbook shows another unit's event")
	}
}
