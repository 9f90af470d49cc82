package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
)

// monitorRowJSON is a row of the monitoring table; numbers are null where
// undefined, ranks 0 when not ranked.
type monitorRowJSON struct {
	Unit           string   `json:"unit"`
	Indicator      string   `json:"indicator"`
	Value          *float64 `json:"value"`
	Growth         *float64 `json:"growth"`
	Rank           int      `json:"rank"`
	ValueRank      int      `json:"value_rank"`
	ProvinceGrowth *float64 `json:"province_growth"`
	DiffPP         *float64 `json:"diff_pp"`
	Kind           string   `json:"kind"`
	Target         *float64 `json:"target"`
	Completion     *float64 `json:"completion"`
	Elapsed        *float64 `json:"elapsed"`
	ScheduleGap    *float64 `json:"schedule_gap"`
	Light          string   `json:"light"`
	Preliminary    bool     `json:"preliminary"`
}

func optNum(v float64) *float64 {
	if v != v {
		return nil
	}
	return &v
}

// monitorTable returns the monitoring table of ?period=YYYY-MM (default:
// the latest the caller may read) as JSON, or with ?format=csv as the very
// CSV `qiangxian monitor` writes. Before the period's release day only the
// provincial office may read it; a county reads its own rows, a
// prefecture its counties'.
func (s *Server) monitorTable(w http.ResponseWriter, r *http.Request) error {
	c, q := callerOf(r), r.URL.Query()
	year, err := s.db.MonitorLatestYear(r.Context())
	if err != nil {
		return err
	}
	var p monitor.Period
	if ps := q.Get("period"); ps != "" {
		var ok bool
		if p, ok = monitor.ParsePeriod(ps); !ok {
			return invalid("bad.period", ps)
		}
		year = p.Year
	}
	if err := require(c, auth.Read, withReleased(ownScope(c, auth.KindMonitor)), "monitoring"); err != nil {
		return err
	}
	d, err := s.loadMonitor(r.Context(), year)
	if err != nil {
		return err
	}
	if q.Get("period") == "" {
		var ok bool
		if p, ok = d.latestPeriod(c); !ok {
			return notFound("monitoring period")
		}
	}
	res := ownScope(c, auth.KindMonitor)
	res.Released = d.released(p)
	if err := require(c, auth.Read, res, "monitoring of "+p.String()); err != nil {
		return err
	}
	rows, err := s.visibleRows(r, d, p)
	if err != nil {
		return err
	}
	if q.Get("format") == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		return monitor.WriteCSV(w, rows)
	}
	out := make([]monitorRowJSON, len(rows))
	for i, x := range rows {
		out[i] = monitorRowJSON{Unit: x.Unit, Indicator: x.Indicator, Value: optNum(x.Value), Growth: optNum(x.Growth),
			Rank: x.Rank, ValueRank: x.ValueRank, ProvinceGrowth: optNum(x.ProvinceGrowth), DiffPP: optNum(x.DiffPP),
			Kind: string(x.Kind), Target: optNum(x.Target), Completion: optNum(x.Completion), Elapsed: optNum(x.Elapsed),
			ScheduleGap: optNum(x.ScheduleGap), Light: string(x.Light),
			Preliminary: d.Preliminary[[3]string{p.String(), x.Unit, x.Indicator}]}
	}
	writeJSON(w, http.StatusOK, map[string]any{"period": p.String(), "released": d.released(p), "rows": out})
	return nil
}

// withReleased marks a resource released: may the caller read some
// released monitoring at all.
func withReleased(res auth.Resource) auth.Resource {
	res.Released = true
	return res
}
