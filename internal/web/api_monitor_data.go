package web

import (
	"context"
	"math"
	"net/http"
	"slices"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
)

// monitorData is what the server's monitoring views read for one year:
// the figures (the final figure where there is one, else the preliminary
// one) of that year and the one before, the year's targets, the seasonal
// benchmark from the province's own figures of past normal years, the
// indicators that should fall, and the release calendar. The monitoring
// table is monitor.Compute of it: the very computation of `qiangxian
// monitor`.
type monitorData struct {
	Year        int
	In          monitor.Input
	Indicators  []store.MonitorIndicator
	Releases    []store.Release
	Preliminary map[[3]string]bool // period, unit, indicator whose figure is preliminary
	Periods     []monitor.Period   // the periods of Year with figures, in order
}

// loadMonitor reads year's monitoring data. Figures of indicators that do
// not add up over units, or whose growth is the bureau's official one,
// lose their earlier year, so that no growth and no province sum is
// computed for them (their growths are imported).
func (s *Server) loadMonitor(ctx context.Context, year int) (*monitorData, error) {
	d := &monitorData{Year: year, Preliminary: map[[3]string]bool{}}
	var err error
	if d.Indicators, err = s.db.MonitorIndicators(ctx); err != nil {
		return nil, err
	}
	if d.Releases, err = s.db.MonitorReleases(ctx, 0); err != nil {
		return nil, err
	}
	// The year and the one before; for the seasonal benchmark, the
	// province's own figures of the years before those (one abnormal year
	// may be skipped).
	figs, err := s.db.MonitorFigures(ctx, store.MonitorFigureFilter{FromYear: year - 1, ToYear: year})
	if err != nil {
		return nil, err
	}
	for _, u := range provinceCodes(figs) {
		older, err := s.db.MonitorFigures(ctx, store.MonitorFigureFilter{FromYear: year - 1 - monitor.BenchmarkYears, ToYear: year - 2, Unit: u})
		if err != nil {
			return nil, err
		}
		figs = append(older, figs...)
	}
	if d.In.Targets, err = s.db.MonitorTargets(ctx, year); err != nil {
		return nil, err
	}
	noGrowth, seasonal := map[string]bool{}, map[string]bool{}
	d.In.Falling = map[string]bool{}
	for _, i := range d.Indicators {
		noGrowth[i.Code] = !i.Additive || i.OfficialGrowth
		seasonal[i.Code] = i.Seasonal
		d.In.Falling[i.Code] = i.Direction < 0
	}
	series := map[string]map[int]*monitor.YearSeries{}
	seen := map[monitor.Period]bool{}
	for _, f := range figs {
		y := f.Period.Year
		if seasonal[f.Indicator] && monitor.IsProvince(f.Unit) && y < year {
			ys := series[f.Indicator]
			if ys == nil {
				ys = map[int]*monitor.YearSeries{}
				series[f.Indicator] = ys
			}
			if ys[y] == nil {
				ys[y] = &monitor.YearSeries{Year: y}
				for m := range ys[y].Cum {
					ys[y].Cum[m] = math.NaN()
				}
			}
			ys[y].Cum[f.Period.Month-1] = f.Value
		}
		switch {
		case y == year:
			if !seen[f.Period] {
				seen[f.Period] = true
				d.Periods = append(d.Periods, f.Period)
			}
		case y == year-1 && !noGrowth[f.Indicator]:
		default:
			continue
		}
		if f.Stage == store.StagePreliminary {
			d.Preliminary[[3]string{f.Period.String(), f.Unit, f.Indicator}] = true
		}
		d.In.Figures = append(d.In.Figures, f.Figure)
	}
	byInd := map[string][]monitor.YearSeries{}
	for ind, ys := range series {
		for _, s := range ys {
			byInd[ind] = append(byInd[ind], *s)
		}
	}
	d.In.Shares = monitor.BenchmarkShares(byInd, year, monitor.Abnormal)
	return d, nil
}

// provinceCodes lists the province codes among figs (one, in practice).
func provinceCodes(figs []store.MonitorFigure) []string {
	var out []string
	for _, f := range figs {
		if monitor.IsProvince(f.Unit) && !slices.Contains(out, f.Unit) {
			out = append(out, f.Unit)
		}
	}
	return out
}

// released reports whether period p is past its release day today.
func (d *monitorData) released(p monitor.Period) bool {
	return store.ReleasedOn(d.Releases, p, time.Now())
}

// monitorResource describes a unit's monitoring rows of period p.
func (s *Server) monitorResource(r *http.Request, d *monitorData, unit string, p monitor.Period) (auth.Resource, error) {
	prefs, err := s.prefectures(r)
	return auth.Resource{Kind: auth.KindMonitor, Unit: unit, Prefecture: prefs[unit], Released: d.released(p)}, err
}

// latestPeriod returns the latest period of d the caller may read (the
// office: the latest with figures; others: the latest released), ok false
// when there is none.
func (d *monitorData) latestPeriod(c *caller) (monitor.Period, bool) {
	for i := len(d.Periods) - 1; i >= 0; i-- {
		p := d.Periods[i]
		res := ownScope(c, auth.KindMonitor)
		res.Released = d.released(p)
		if auth.Can(c.principal(), auth.Read, res) {
			return p, true
		}
	}
	return monitor.Period{}, false
}

// visibleRows computes the table of period p and keeps the rows the
// caller may read: all for the office, a county's own, a prefecture's
// counties'. Ranks and the province growth are over all units.
func (s *Server) visibleRows(r *http.Request, d *monitorData, p monitor.Period) ([]monitor.Row, error) {
	in := d.In
	in.Period = p
	rows := monitor.Compute(in)
	c := callerOf(r)
	prefs, err := s.prefectures(r)
	if err != nil {
		return nil, err
	}
	released := d.released(p)
	out := rows[:0]
	for _, row := range rows {
		res := auth.Resource{Kind: auth.KindMonitor, Unit: row.Unit, Prefecture: prefs[row.Unit], Released: released}
		if auth.Can(c.principal(), auth.Read, res) {
			out = append(out, row)
		}
	}
	return out, nil
}
