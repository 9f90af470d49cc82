package seed

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/qiangxian/qiangxian/internal/demo/monthly"
	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
)

// monitorDepartments are the providing departments of the demo's
// monitoring indicators (示例: the split a province would make).
var monitorDepartments = map[string]string{
	"m_gdp": "统计局", "m_ind": "统计局", "m_fai": "统计局", "m_retail": "统计局", "m_energy": "统计局",
	"m_fiscal": "财政厅", "m_funds": "商务厅",
}

// monitorNamesEN are the English names of the demo's monitoring indicators.
var monitorNamesEN = map[string]string{
	"m_gdp": "GDP", "m_ind": "Value added of industry above designated size", "m_fai": "Fixed-asset investment",
	"m_retail": "Retail sales of consumer goods", "m_fiscal": "General public budget revenue",
	"m_funds": "Funds in place from outside the province", "m_energy": "Energy use per unit of GDP",
}

// collectMonitor brings the 2023 monthly figures in the way an office
// does (示例数据): the catalogue codes of the monitoring indicators; for
// each cumulative period 1–2月 … 1–12月 the collection tasks, due on the
// 10th of the next month, the departments' upload on the 8th (so every
// task is supplied on time), and the adoption of what came in
// as final figures — December's retail sales as preliminary, as the
// bureau has not yet released its final figure; and the open tasks of
// the month before today, due at the end of this month. The store's clock
// is set to each upload's day and put back.
func collectMonitor(ctx context.Context, db *store.DB, actor store.Actor, d *monthly.Data) error {
	var cat []store.Indicator
	srcs := map[string]monitor.Source{}
	for _, i := range d.Indicators {
		dir := 1
		if i.Falling {
			dir = -1
		}
		src := monitor.Source{Code: i.Code, Quarterly: i.Quarterly, OfficialGrowth: i.Official, GrowthOnly: i.Official && !i.Additive}
		srcs[i.Code] = src
		dept := monitorDepartments[i.Code]
		if !src.GrowthOnly {
			cat = append(cat, store.Indicator{Code: i.Code, NameZH: i.Name + "（1–N月累计）", NameEN: monitorNamesEN[i.Code] + " (cumulative)",
				Unit: i.Unit, Direction: dir, Department: dept, Definition: "月度监测：1月至本月累计值（示例数据）"})
		}
		if src.OfficialGrowth {
			cat = append(cat, store.Indicator{Code: monitor.GrowthCode(i.Code), NameZH: i.Name + "累计增速",
				NameEN: monitorNamesEN[i.Code] + ", cumulative growth", Unit: "%", Direction: dir, Department: dept,
				Definition: "月度监测：统计部门发布的 1 月至本月累计同比增速（示例数据）"})
		}
	}
	if err := db.PutIndicators(ctx, actor, cat); err != nil {
		return err
	}
	clock := db.Clock()
	defer db.SetClock(clock)
	for m := 2; m <= 12; m++ {
		p := monitor.Period{Year: 2023, Month: m}
		next := time.Date(2023, time.Month(m)+1, 1, 0, 0, 0, 0, time.UTC)
		db.SetClock(func() time.Time { return next.AddDate(0, 0, 7).Add(2 * time.Hour) }) // the 8th, 10:00 in China
		if _, err := db.PutMonitorTasks(ctx, actor, p, next.AddDate(0, 0, 9)); err != nil {
			return err
		}
		if err := uploadMonth(ctx, db, actor, d, p, srcs); err != nil {
			return err
		}
		db.SetClock(func() time.Time { return next.AddDate(0, 0, 9).Add(2 * time.Hour) }) // adopted on the 10th
		final, prelim := stagesOf(d, p)
		for _, a := range []struct {
			stage string
			inds  []string
		}{{store.StageFinal, final}, {store.StagePreliminary, prelim}} {
			if len(a.inds) == 0 {
				continue
			}
			if _, err := db.AdoptMonitorFigures(ctx, actor, p, a.stage, a.inds...); err != nil {
				return err
			}
		}
	}
	db.SetClock(clock)
	now := clock().UTC()
	this := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	last := this.AddDate(0, 0, -1)
	open := monitor.Period{Year: last.Year(), Month: int(last.Month())}
	if open.Month == 1 { // January comes with February
		open.Month = 2
	}
	_, err := db.PutMonitorTasks(ctx, actor, open, this.AddDate(0, 1, -1))
	return err
}

// uploadMonth uploads the figures of period p under the catalogue codes
// monitor.DueCodes collects, as one revision (the three departments'
// uploads of the demo arrive together; one transaction keeps the demo's
// loading short).
func uploadMonth(ctx context.Context, db *store.DB, actor store.Actor, d *monthly.Data, p monitor.Period, srcs map[string]monitor.Source) error {
	code := fmt.Sprintf("%d-M%02d", p.Year, p.Month)
	var rows []store.Observation
	for _, f := range d.Figures {
		if f.Period != p {
			continue
		}
		s := srcs[f.Indicator]
		if !s.GrowthOnly && !math.IsNaN(f.Value) {
			rows = append(rows, store.Observation{Unit: f.Unit, Indicator: f.Indicator, Period: code, Value: f.Value, Source: "示例数据"})
		}
		if s.OfficialGrowth && !math.IsNaN(f.Growth) {
			rows = append(rows, store.Observation{Unit: f.Unit, Indicator: monitor.GrowthCode(f.Indicator), Period: code,
				Value: f.Growth, Source: "示例数据"})
		}
	}
	note := store.RevisionNote{Kind: "import", Source: fmt.Sprintf("统计局、财政厅、商务厅 月度监测报送 %d年1–%d月（示例数据）", p.Year, p.Month)}
	_, err := db.ImportObservations(ctx, actor, note, rows)
	return err
}

// stagesOf splits the indicators of period p's figures into those whose
// figures are final and those still preliminary.
func stagesOf(d *monthly.Data, p monitor.Period) (final, prelim []string) {
	for i, f := range d.Figures {
		if f.Period != p {
			continue
		}
		list := &prelim
		if d.Final[i] {
			list = &final
		}
		if !slices.Contains(*list, f.Indicator) {
			*list = append(*list, f.Indicator)
		}
	}
	return final, prelim
}
