package web

import (
	"context"
	"slices"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// chainDetail is a chain with the weak-link figures of its nodes in one
// place and the weak-link report of every prefecture: what the chain page
// and GET /api/v1/chains/{id} show.
type chainDetail struct {
	Chain  store.Chain
	Place  string // the place of Stats: 620000, a prefecture or a county
	Year   int    // the zone enterprise lists' year read
	Stats  []chain.Stat
	Report []chainReportRow // per prefecture
}

// chainReportRow is a prefecture's weak links of the chain.
type chainReportRow struct {
	Prefecture string
	Weak       []chain.Stat
}

// chainTeam is what the chain rules need of c.
func chainTeam(c *store.Chain) auth.ChainTeam {
	t := auth.ChainTeam{LeadDept: c.LeadDept}
	for _, m := range c.Members {
		t.Members = append(t.Members, m.Username)
	}
	return t
}

// loadChainDetail builds the chain id's detail in place ("" is the
// province) for the prefectures of prefs (their codes, sorted).
func (s *Server) loadChainDetail(ctx context.Context, id int64, place string, prefs []string) (d chainDetail, err error) {
	if d.Chain, err = s.db.ChainByID(ctx, id); err != nil {
		return d, err
	}
	in, err := s.db.ChainInputs(ctx, 0)
	if err != nil {
		return d, err
	}
	if place == "" {
		place = invest.Province
	}
	d.Place, d.Year = place, in.Year
	m := d.Chain.Map()
	supply := store.ChainSupplyOf(&d.Chain, 0)
	d.Stats = chain.Assess(m, place, in.Enterprises, in.Projects, supply)
	for _, p := range prefs {
		row := chainReportRow{Prefecture: p}
		for _, st := range chain.Assess(m, p, in.Enterprises, in.Projects, supply) {
			if st.Weak() {
				row.Weak = append(row.Weak, st)
			}
		}
		d.Report = append(d.Report, row)
	}
	return d, nil
}

// chainID reads a path's chain id.
func chainID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, notFound("chain " + s)
	}
	return id, nil
}

// validPlace reports whether place is the province, a prefecture of prefs,
// or a county of one of them.
func validPlace(place string, prefs []string) bool {
	return place == "" || place == invest.Province || slices.Contains(prefs, invest.PrefectureOf(place)) && len(place) == 6
}
