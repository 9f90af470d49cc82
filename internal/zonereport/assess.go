package zonereport

import (
	"fmt"
	"math"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone"
)

// AssessYear runs the zone method m on a year's zone figures d: each
// zone's group (its county type column), group rank, score and grade (the
// method's [[grade]] bands, quotas and grade caps), and the raw value and
// score of every scored indicator — what a zone run records
// (store.NewZoneRun). Streaks and warnings need the history and are the
// view's (Load, LoadRun).
func AssessYear(m *method.Method, d *method.Data, year int) ([]store.ZoneGrade, []store.ZoneValue, error) {
	period := strconv.Itoa(year)
	o, err := method.Run(m, method.Input{Data: d, Period: period})
	if err != nil {
		return nil, nil, fmt.Errorf("zones %d: %w", year, err)
	}
	var recs []zone.Record
	for _, tr := range o.Types {
		for k, u := range tr.Members {
			recs = append(recs, zone.Record{Period: period, Unit: d.Units[u].Code, Group: tr.Type,
				GroupRank: tr.Rank[k], Score: tr.Score[k], Cap: o.GradeCap[u]})
		}
	}
	h, err := zone.Build(recs, m.Grades)
	if err != nil {
		return nil, nil, fmt.Errorf("zones %d: %w", year, err)
	}
	gs := make([]store.ZoneGrade, len(h.Records))
	for i, r := range h.Records {
		gs[i] = store.ZoneGrade{Zone: r.Unit, Year: year, Group: r.Group, GroupRank: r.GroupRank, Score: r.Score,
			Grade: r.Grade, Source: "assessed"}
	}
	return gs, values(m, o, year), nil
}

// values are the raw values and scores of the scored indicators.
func values(m *method.Method, o *method.Outcome, year int) []store.ZoneValue {
	var raw, scored *engine.Dataset
	for _, s := range o.Stages {
		switch s.Name {
		case engine.StageRaw:
			raw = s.Data
		case method.StageScored:
			scored = s.Data
		}
	}
	var out []store.ZoneValue
	for _, ind := range m.Indicators {
		if ind.Parent == "" || raw == nil || scored == nil {
			continue
		}
		v, s := raw.Col(ind.Code), scored.Col(ind.Code)
		for u, unit := range o.Units {
			val := store.ZoneValue{Zone: unit.Code, Year: year, Indicator: ind.Code, Name: ind.Name, Unit: ind.Unit,
				Value: math.NaN(), Score: math.NaN()}
			if v != nil {
				val.Value = v[u]
			}
			if s != nil {
				val.Score = s[u]
			}
			out = append(out, val)
		}
	}
	return out
}
