package web

import (
	"context"
	"math"
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
)

// The monitoring pages (issue 21): /monitor, /monitor/{unit},
// /monitor/problems, /monitor/quarters and the scheduling meeting's paper
// /monitor/meeting.xlsx. They read the same table as the API
// (loadMonitor, visibleRows), so pages, API and command line agree.

// monitorMenu is the menu entry of the monitoring pages: for everyone
// with a login but viewers (monitoring is internal).
func monitorMenu(u *store.User) []menuItem {
	if u == nil || u.Role == auth.RoleViewer {
		return nil
	}
	return []menuItem{{Key: "monitor", Href: "/monitor", Label: "nav.monitor"}}
}

// monCell is one unit's indicator in the heat table.
type monCell struct {
	monitor.Row
	Has              bool
	Preliminary      bool
	Month            int // on a unit's page: the row's month
	TypeRank, TypeOf int // the growth rank within the unit's main county type, of how many; 0 without
}

// Pct formats a growth or a gap in percent or points.
func (c monCell) Pct(v float64) string { return fixed(v, 1) }

// Share formats a completion or elapsed share as a percentage.
func (c monCell) Share(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	return fixed(100*v, 1) + "%"
}

// monUnitRow is a unit's line of the heat table.
type monUnitRow struct {
	Code, Name string
	Cells      []monCell
}

// monIndicator is an indicator column.
type monIndicator struct {
	Code, Name, Unit string
	ProvinceGrowth   float64
	Summed           bool // the province growth is 县区合计增速
	Seasonal         bool
	Falling          bool
}

// monitorView is the heat table of a period.
type monitorView struct {
	Period     monitor.Period
	Periods    []monitor.Period
	Released   bool
	Indicators []monIndicator
	Units      []monUnitRow
	Lights     map[string]int
	Trend      map[string]any // the province growth month by month, per indicator
	Staff      bool
	Empty      bool
}

// monitorUnitNames maps every unit code to its name.
func (s *Server) monitorUnitNames(ctx context.Context) (map[string]string, error) {
	us, err := s.db.Units(ctx, store.UnitFilter{})
	if err != nil {
		return nil, err
	}
	m := make(map[string]string, len(us))
	for _, u := range us {
		m[u.Code] = u.Name
	}
	return m, nil
}

// monitorPeriod reads ?period= (or the latest the caller may read) and
// loads its year; ok false when there is nothing to show.
func (s *Server) monitorPeriod(r *http.Request) (*monitorData, monitor.Period, bool, error) {
	c := callerOf(r)
	if err := require(c, auth.Read, withReleased(ownScope(c, auth.KindMonitor)), "monitoring"); err != nil {
		return nil, monitor.Period{}, false, err
	}
	year, err := s.db.MonitorLatestYear(r.Context())
	if err != nil {
		return nil, monitor.Period{}, false, err
	}
	p, given := monitor.ParsePeriod(r.URL.Query().Get("period"))
	if given {
		year = p.Year
	}
	d, err := s.loadMonitor(r.Context(), year)
	if err != nil {
		return nil, p, false, err
	}
	if !given {
		var ok bool
		if p, ok = d.latestPeriod(c); !ok {
			return d, p, false, nil
		}
	}
	res := ownScope(c, auth.KindMonitor)
	res.Released = d.released(p)
	if err := require(c, auth.Read, res, "monitoring of "+p.String()); err != nil {
		return nil, p, false, err
	}
	return d, p, true, nil
}

// readablePeriods lists the periods of d the caller may read.
func (d *monitorData) readablePeriods(c *caller) []monitor.Period {
	var out []monitor.Period
	for _, p := range d.Periods {
		res := ownScope(c, auth.KindMonitor)
		res.Released = d.released(p)
		if auth.Can(c.principal(), auth.Read, res) {
			out = append(out, p)
		}
	}
	return out
}

// heat builds the heat table of period p.
func (s *Server) heat(r *http.Request, d *monitorData, p monitor.Period) (*monitorView, error) {
	c := callerOf(r)
	v := &monitorView{Period: p, Released: d.released(p), Lights: map[string]int{},
		Staff: auth.Can(c.principal(), auth.Write, auth.Resource{Kind: auth.KindMonitor}), Periods: d.readablePeriods(c)}
	rows, err := s.visibleRows(r, d, p)
	if err != nil {
		return nil, err
	}
	names, err := s.monitorUnitNames(r.Context())
	if err != nil {
		return nil, err
	}
	meta := map[string]store.MonitorIndicator{}
	for _, i := range d.Indicators {
		meta[i.Code] = i
	}
	col := map[string]int{}
	provinceGrowth := map[string]bool{}
	for _, f := range d.In.Figures {
		if f.Period == p && monitor.IsProvince(f.Unit) && !math.IsNaN(f.Growth) {
			provinceGrowth[f.Indicator] = true
		}
	}
	for _, x := range rows {
		if _, ok := col[x.Indicator]; !ok {
			col[x.Indicator] = len(v.Indicators)
			m := meta[x.Indicator]
			name := m.Name
			if name == "" {
				name = x.Indicator
			}
			v.Indicators = append(v.Indicators, monIndicator{Code: x.Indicator, Name: name, Unit: m.Unit, ProvinceGrowth: x.ProvinceGrowth,
				Summed: !provinceGrowth[x.Indicator] && !math.IsNaN(x.ProvinceGrowth), Seasonal: m.Seasonal, Falling: m.Direction < 0})
		}
	}
	typeRank, err := s.monitorTypeRanks(r, d, p)
	if err != nil {
		return nil, err
	}
	for _, x := range rows {
		if n := len(v.Units); n == 0 || v.Units[n-1].Code != x.Unit {
			v.Units = append(v.Units, monUnitRow{Code: x.Unit, Name: names[x.Unit], Cells: make([]monCell, len(v.Indicators))})
		}
		u := &v.Units[len(v.Units)-1]
		tr := typeRank[[2]string{x.Unit, x.Indicator}]
		u.Cells[col[x.Indicator]] = monCell{Row: x, Has: true, Preliminary: d.Preliminary[[3]string{p.String(), x.Unit, x.Indicator}],
			TypeRank: tr[0], TypeOf: tr[1]}
		v.Lights[string(x.Light)]++
	}
	v.Empty = len(rows) == 0
	v.Trend = s.trendChart(d, v.Indicators, p, pageLang(r) == "en")
	return v, nil
}

// trendChart is the province growth of each indicator month by month up
// to p, as an ECharts option.
func (s *Server) trendChart(d *monitorData, inds []monIndicator, p monitor.Period, en bool) map[string]any {
	var months []monitor.Period
	for _, q := range d.Periods {
		if q.Year == p.Year && q.Month <= p.Month {
			months = append(months, q)
		}
	}
	tables := d.In.Periods(months)
	var x []string
	for _, q := range months {
		x = append(x, q.String())
	}
	var series []map[string]any
	for _, ind := range inds {
		var ys []any
		for _, rows := range tables {
			g := math.NaN()
			for _, row := range rows {
				if row.Indicator == ind.Code {
					g = row.ProvinceGrowth
					break
				}
			}
			ys = append(ys, jsonNum(g))
		}
		series = append(series, map[string]any{"name": ind.Name, "type": "line", "data": ys, "connectNulls": false})
	}
	return map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"top": 0, "type": "scroll"},
		"grid":    map[string]any{"left": 40, "right": 20, "top": 40, "bottom": 30},
		"xAxis":   map[string]any{"type": "category", "data": x},
		"yAxis":   map[string]any{"type": "value", "name": "%"},
		"series":  series,
	}
}

// monitorTypeRanks ranks every unit's growth within its main county type
// (as declared for the monitoring year), over all units of the period —
// not only those the caller sees, so that a county reads the same rank as
// the office: (unit, indicator) → {rank, of}.
func (s *Server) monitorTypeRanks(r *http.Request, d *monitorData, p monitor.Period) (map[[2]string][2]int, error) {
	declared, err := s.declaredTypes(r.Context(), strconv.Itoa(p.Year))
	if err != nil {
		return nil, err
	}
	typeOf := map[string]string{}
	for unit, ts := range declared {
		if len(ts) > 0 {
			typeOf[unit] = ts[0]
		}
	}
	in := d.In
	in.Period = p
	rows := monitor.Compute(in)
	rank, of := monitor.TypeRanks(rows, typeOf)
	out := make(map[[2]string][2]int, len(rows))
	for i, x := range rows {
		if rank[i] > 0 {
			out[[2]string{x.Unit, x.Indicator}] = [2]int{rank[i], of[i]}
		}
	}
	return out, nil
}
