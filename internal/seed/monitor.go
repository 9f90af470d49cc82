package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/qiangxian/qiangxian/internal/demo/monthly"
	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
)

// putMonitor loads the monitoring demo (示例数据, internal/demo/monthly):
// the monitoring indicators, 2022 cumulative figures as published, 2023's
// through the collection tasks (December 2023's retail preliminary), the 2023 targets decomposed province → prefecture
// → county, the release calendar, and problems of the 督办 loop in every
// state, most of them overdue and escalated.
func putMonitor(ctx context.Context, db *store.DB, actor store.Actor) error {
	d, err := monthly.Generate()
	if err != nil {
		return err
	}
	var inds []store.MonitorIndicator
	for _, i := range d.Indicators {
		freq, dir := "monthly", 1
		if i.Quarterly {
			freq = "quarterly"
		}
		if i.Falling {
			dir = -1
		}
		inds = append(inds, store.MonitorIndicator{Code: i.Code, Name: i.Name, Unit: i.Unit, Frequency: freq, Direction: dir,
			Additive: i.Additive, OfficialGrowth: i.Official, Seasonal: i.Seasonal})
	}
	if err := db.PutMonitorIndicators(ctx, actor, inds); err != nil {
		return err
	}
	// The years before 2023 are the bureau's published series, stored as
	// they are; 2023 comes in through the collection tasks
	// (monitor_collect.go).
	var final, prelim []monitor.Figure
	for i, f := range d.Figures {
		if f.Period.Year == 2023 {
			continue
		}
		if d.Final[i] {
			final = append(final, f)
		} else {
			prelim = append(prelim, f)
		}
	}
	if err := db.PutMonitorFigures(ctx, actor, store.StageFinal, final); err != nil {
		return err
	}
	if len(prelim) > 0 {
		if err := db.PutMonitorFigures(ctx, actor, store.StagePreliminary, prelim); err != nil {
			return err
		}
	}
	if err := collectMonitor(ctx, db, actor, d); err != nil {
		return err
	}
	if _, err := db.PutMonitorTargets(ctx, actor, d.Targets, "", ""); err != nil {
		return err
	}
	var rs []store.Release
	for _, r := range d.Releases {
		rs = append(rs, store.Release{Year: r.Year, Month: r.Month, Day: r.Day})
	}
	if err := db.PutMonitorReleases(ctx, actor, rs); err != nil {
		return err
	}
	return putProblems(ctx, db, actor, d)
}

// putProblems raises problems from the red fiscal-revenue lights of
// 2023-06 and takes each a different way along the loop, adds one by
// hand, and escalates as of 2023-10-15.
func putProblems(ctx context.Context, db *store.DB, actor store.Actor, d *monthly.Data) error {
	jun := monitor.Period{Year: 2023, Month: 6}
	var reds []monitor.Row
	for _, r := range monitor.Compute(monitor.Input{Period: jun, Figures: d.Figures, Targets: d.Targets}) {
		if r.Indicator == "m_fiscal" && r.Light == monitor.Red {
			reds = append(reds, r)
		}
	}
	day := func(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }
	type step struct{ step, body, evidence string }
	plans := []struct {
		deadline time.Time
		steps    []step
	}{
		{day(2023, 8, 31), nil},
		{day(2023, 8, 31), []step{{store.StepOrder, "甘县域督〔2023〕12号", ""}}},
		{day(2023, 9, 30), []step{{store.StepOrder, "甘县域督〔2023〕13号", ""}, {store.StepReply, "加强税收征管，盘活闲置资产，三季度入库 0.3 亿元", ""}}},
		{day(2023, 9, 30), []step{{store.StepOrder, "甘县域督〔2023〕14号", ""}, {store.StepReply, "清理欠缴税款", ""},
			{store.StepRequest, "", "县税务局入库凭证（2023年9月）"}}},
		{day(2023, 9, 30), []step{{store.StepOrder, "甘县域督〔2023〕15号", ""}, {store.StepReply, "重点税源企业复产", ""},
			{store.StepRequest, "", "1–8月财政收入快报"}, {store.StepApprove, "", ""}}},
		{day(2027, 6, 30), []step{{store.StepOrder, "甘县域督〔2023〕16号", ""}}},
	}
	for i, pl := range plans {
		if i >= len(reds) {
			break
		}
		r := reds[i]
		p, err := db.RaiseProblem(ctx, actor, store.Problem{Source: "indicator", Unit: r.Unit, Indicator: r.Indicator, Period: jun.String(),
			Title: fmt.Sprintf("一般公共预算收入 1–6月增速 %.1f%%，低于全省且落后序时进度", r.Growth), Responsible: "县财政局",
			Measures: "", Deadline: pl.deadline})
		if err != nil {
			return err
		}
		for _, s := range pl.steps {
			if _, err := db.AdvanceProblem(ctx, actor, p.ID, s.step, s.body, s.evidence); err != nil {
				return err
			}
		}
	}
	// Problems from zone warnings and projects behind schedule carry a
	// typed link to their zone or project: they are raised after the
	// zones and the ledger are loaded (followup.go).
	others := []store.Problem{
		{Source: "manual", Unit: "620702", Title: "规上工业企业入统进度慢", Responsible: "甘州区工业和信息化局", Deadline: day(2027, 3, 31)},
	}
	for _, p := range others {
		if _, err := db.RaiseProblem(ctx, actor, p); err != nil {
			return err
		}
	}
	_, err := db.EscalateOverdue(ctx, actor, day(2023, 10, 15))
	return err
}
