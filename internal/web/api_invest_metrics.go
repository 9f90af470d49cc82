package web

import (
	"math"
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/invest"
)

// investMetrics returns the investment ledger's metrics (invest metrics'
// columns) for ?level=province|prefecture|county|zone, ?from= and ?to=
// (YYYY-MM), ?county_scope=prefecture|county, ?cohort= or ?cohort_year=,
// ?overdue_months= (6). Administrators, analysts, departments and viewers
// read every place; a prefecture reviewer her prefecture and its counties;
// a county or zone user her own unit. Nobody without a login.
func (s *Server) investMetrics(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return deny(c, "read investment metrics")
	}
	o, err := investOptionsOf(r)
	if err != nil {
		return err
	}
	u := c.principal()
	keep := func(string) bool { return true }
	switch u.Role {
	case auth.RolePrefecture:
		if o.Level != invest.LevelPrefecture && o.Level != invest.LevelCounty {
			return deny(c, "read investment metrics of level "+string(o.Level))
		}
		keep = func(unit string) bool { return invest.PrefectureOf(unit) == u.Unit }
	case auth.RoleCounty:
		if o.Level != invest.LevelCounty && o.Level != invest.LevelZone {
			return deny(c, "read investment metrics of level "+string(o.Level))
		}
		keep = func(unit string) bool { return unit == u.Unit }
	}
	rows, err := s.ledgerMetrics(r, o)
	if err != nil {
		return err
	}
	out := investMetricsJSON{Level: string(o.Level), From: o.From.String(), To: o.To.String(),
		Columns: invest.Columns, Rows: []map[string]any{}}
	for i := range rows {
		if !keep(rows[i].Unit) {
			continue
		}
		m := map[string]any{"unit": rows[i].Unit}
		for j, v := range rows[i].Values(false) {
			if math.IsNaN(v) {
				m[invest.Columns[j+1]] = nil
			} else {
				m[invest.Columns[j+1]] = v
			}
		}
		out.Rows = append(out.Rows, m)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

type investMetricsJSON struct {
	Level   string           `json:"level"`
	From    string           `json:"from"`
	To      string           `json:"to"`
	Columns []string         `json:"columns"`
	Rows    []map[string]any `json:"rows"` // column → number, or null where undefined
}

// investOptionsOf reads the query's metrics options, as invest metrics
// reads its flags.
func investOptionsOf(r *http.Request) (invest.Options, error) {
	q := r.URL.Query()
	o := invest.Options{Cohort: q.Get("cohort"), OverdueMonths: invest.DefaultOverdueMonths}
	var err error
	if o.Level, err = invest.ParseLevel(q.Get("level")); err != nil {
		return o, invalid("bad.investLevel", q.Get("level"))
	}
	var ok bool
	if o.From, ok = invest.ParseMonth(q.Get("from")); !ok {
		return o, invalid("bad.fromMonth", q.Get("from"))
	}
	if o.To, ok = invest.ParseMonth(q.Get("to")); !ok || o.To < o.From {
		return o, invalid("bad.toMonth", q.Get("to"))
	}
	switch sc := q.Get("county_scope"); sc {
	case "", string(invest.ScopePrefecture):
		o.Scope = invest.ScopePrefecture
	case string(invest.ScopeCounty):
		o.Scope = invest.ScopeCounty
	default:
		return o, invalid("bad.countyScope", sc)
	}
	if y := q.Get("cohort_year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || len(y) != 4 || o.Cohort != "" {
			return o, invalid("bad.cohortYear", y)
		}
		o.CohortYear = n
	}
	if m := q.Get("overdue_months"); m != "" {
		n, err := strconv.Atoi(m)
		if err != nil || n < 0 {
			return o, invalid("bad.overdue", m)
		}
		o.OverdueMonths = n
	}
	return o, nil
}
