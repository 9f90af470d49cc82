// Package zonestats assembles what the zone pages, the CLI and a zone
// method read of the zones' enterprises (issue 19): the stored enterprises
// of a year graded by 亩均效益 (mujun), the land-use rates (landuse), output
// targets and tiers (target), and the roll-ups of all three as indicator
// values per zone. The arithmetic is in the pure packages under
// internal/zone; this package converts between them and the store.
package zonestats

import (
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
)

// Grade grades the enterprises es of year under s (parsed from src, which
// is kept with the grading) and returns the grading to store: the whole
// year is graded together, so that quotas apply to the province's ranking.
func Grade(es []store.ZoneEnterprise, s *mujun.Scheme, src string, year int) store.ZoneGrading {
	ms := make([]mujun.Enterprise, len(es))
	for i := range es {
		ms[i] = es[i].Mujun()
	}
	res := mujun.Grade(ms, s, year)
	g := store.ZoneGrading{Year: year, Scheme: src, Grades: make([]store.ZoneEnterpriseGrade, len(es))}
	for i := range es {
		r := &res[i]
		x := store.ZoneEnterpriseGrade{Year: year, Zone: es[i].Zone, USCC: es[i].USCC, Eligible: r.Eligible,
			Score: r.Score, Rank: r.Rank, ByScore: r.ByScore, Class: r.Class, Fixed: r.Fixed,
			Values: append([]float64{}, r.Values...), Points: append([]float64{}, r.Points...)}
		for _, m := range r.Reasons {
			x.ReasonsZH = append(x.ReasonsZH, m.In(locale.ZH))
			x.ReasonsEN = append(x.ReasonsEN, m.In(locale.EN))
		}
		g.Grades[i] = x
	}
	return g
}

// Results returns the stored grades of es (same order) as the core's
// results, for its roll-ups; an enterprise without a grade is not graded.
func Results(es []store.ZoneEnterprise, g store.ZoneGrading) []mujun.Result {
	at := make(map[[2]string]*store.ZoneEnterpriseGrade, len(g.Grades))
	for i := range g.Grades {
		at[[2]string{g.Grades[i].Zone, g.Grades[i].USCC}] = &g.Grades[i]
	}
	res := make([]mujun.Result, len(es))
	for i := range es {
		if x := at[[2]string{es[i].Zone, es[i].USCC}]; x != nil {
			res[i] = mujun.Result{Eligible: x.Eligible, Score: x.Score, Rank: x.Rank, ByScore: x.ByScore,
				Class: x.Class, Fixed: x.Fixed, Values: x.Values, Points: x.Points}
		}
	}
	return res
}
