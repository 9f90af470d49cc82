package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"monu.title":     {"%s 月度监测", "%s: monthly monitoring"},
		"monu.intro":     {"各指标 1–N 月累计值对照年度目标与序时进度（季节性指标按近三个正常年份的平均进度）；增长目标对照增速。", "Each indicator's cumulative value against the year's target and elapsed time (for seasonal indicators the average share of the last three normal years); growth targets against growth."},
		"monu.month":     {"月份", "Month"},
		"monu.cum":       {"累计值", "Cumulative"},
		"monu.schedule":  {"序时目标", "Target × elapsed"},
		"monu.benchmark": {"季节性基准", "seasonal benchmark"},
		"monu.problems":  {"本单位问题清单", "This unit's problems"},
		"monu.noProblem": {"没有问题。", "No problems."},
		"monu.back":      {"返回监测总表", "Back to the overview"},
	})
}

// monUnitIndicator is one indicator of a unit, month by month.
type monUnitIndicator struct {
	monIndicator
	Kind  monitor.Kind
	Rows  []monCell
	Chart map[string]any
}

// monitorUnitView is /monitor/{unit}.
type monitorUnitView struct {
	Code, Name string
	Period     monitor.Period
	Indicators []monUnitIndicator
	Problems   []problemJSON
}

// monitorUnit renders /monitor/{unit}: the unit's cumulative curves
// against target and benchmark, month by month up to the period, and its
// problems. A county user reads only her county, a prefecture its
// counties; nobody but the office a period before its release.
func (s *Server) monitorUnit(w http.ResponseWriter, r *http.Request) error {
	c, code := callerOf(r), r.PathValue("unit")
	d, p, ok, err := s.monitorPeriod(r)
	if err != nil {
		return err
	}
	if !ok {
		return notFound("monitoring period")
	}
	res, err := s.monitorResource(r, d, code, p)
	if err != nil {
		return err
	}
	if !auth.Can(c.principal(), auth.Read, res) {
		return deny(c, "monitoring of "+code)
	}
	names, err := s.monitorUnitNames(r.Context())
	if err != nil {
		return err
	}
	v := &monitorUnitView{Code: code, Name: names[code], Period: p}
	var months []monitor.Period
	for _, q := range d.readablePeriods(c) {
		if q.Year == p.Year && q.Month <= p.Month {
			months = append(months, q)
		}
	}
	meta := map[string]store.MonitorIndicator{}
	for _, i := range d.Indicators {
		meta[i.Code] = i
	}
	idx := map[string]int{}
	for k, rows := range d.In.Periods(months) {
		for _, row := range rows {
			if row.Unit != code {
				continue
			}
			i, ok := idx[row.Indicator]
			if !ok {
				m := meta[row.Indicator]
				name := m.Name
				if name == "" {
					name = row.Indicator
				}
				i = len(v.Indicators)
				idx[row.Indicator] = i
				v.Indicators = append(v.Indicators, monUnitIndicator{monIndicator: monIndicator{Code: row.Indicator, Name: name, Unit: m.Unit,
					Seasonal: m.Seasonal, Falling: m.Direction < 0}})
			}
			ui := &v.Indicators[i]
			if row.Kind != "" {
				ui.Kind = row.Kind
			}
			ui.Rows = append(ui.Rows, monCell{Row: row, Has: true, Month: months[k].Month, Preliminary: d.Preliminary[[3]string{months[k].String(), code, row.Indicator}]})
		}
	}
	en := pageLang(r) == "en"
	for i := range v.Indicators {
		v.Indicators[i].Chart = unitChart(d, &v.Indicators[i], en)
	}
	ps, err := s.readableProblems(r, store.ProblemFilter{Unit: code})
	if err != nil {
		return err
	}
	for _, pr := range ps {
		v.Problems = append(v.Problems, problemOut(pr, time.Now()))
	}
	s.render(w, r, http.StatusOK, "monitor_unit", v)
	return nil
}

// unitChart draws an indicator of a unit: with an absolute target, the
// cumulative value against the target × elapsed time (the seasonal
// benchmark or months / 12) over the year and the target itself;
// otherwise its growth against the province's and its growth target.
func unitChart(d *monitorData, ind *monUnitIndicator, en bool) map[string]any {
	names := map[bool][4]string{false: {"累计值", "序时目标", "年度目标", "全省增速"}, true: {"cumulative", "target × elapsed", "target", "province growth"}}[en]
	x := make([]string, 12)
	for m := range x {
		x[m] = itoa(m+1) + map[bool]string{false: "月", true: ""}[en]
	}
	byMonth := func(f func(r monitor.Row) float64) []any {
		out := make([]any, 12)
		for _, c := range ind.Rows {
			out[c.Month-1] = jsonNum(f(c.Row))
		}
		return out
	}
	var series []map[string]any
	if ind.Kind == monitor.Absolute && len(ind.Rows) > 0 {
		target := ind.Rows[len(ind.Rows)-1].Target
		sched, flat := make([]any, 12), make([]any, 12)
		for m := 1; m <= 12; m++ {
			sched[m-1] = jsonNum(target * monitor.Elapsed(d.In.Shares, ind.Code, m))
			flat[m-1] = jsonNum(target)
		}
		series = []map[string]any{
			{"name": names[0], "type": "bar", "data": byMonth(func(r monitor.Row) float64 { return r.Value })},
			{"name": names[1], "type": "line", "data": sched},
			{"name": names[2], "type": "line", "data": flat, "lineStyle": map[string]any{"type": "dashed"}},
		}
	} else {
		g := map[bool]string{false: "增速", true: "growth"}[en]
		series = []map[string]any{
			{"name": g, "type": "line", "data": byMonth(func(r monitor.Row) float64 { return r.Growth })},
			{"name": names[3], "type": "line", "data": byMonth(func(r monitor.Row) float64 { return r.ProvinceGrowth })},
		}
		if ind.Kind == monitor.Growth && len(ind.Rows) > 0 {
			flat := make([]any, 12)
			for m := range flat {
				flat[m] = jsonNum(ind.Rows[len(ind.Rows)-1].Target)
			}
			series = append(series, map[string]any{"name": names[2], "type": "line", "data": flat, "lineStyle": map[string]any{"type": "dashed"}})
		}
	}
	return map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"top": 0},
		"grid":    map[string]any{"left": 50, "right": 20, "top": 30, "bottom": 30},
		"xAxis":   map[string]any{"type": "category", "data": x},
		"yAxis":   map[string]any{"type": "value"},
		"series":  series,
	}
}
