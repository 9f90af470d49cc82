package web

import (
	"context"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/report"
	"github.com/qiangxian/qiangxian/internal/store"
)

// A county's score sheet (成绩单) goes to that county alone, and to the
// provincial office which sends it: not to another county, not to the
// prefecture's reviewer, a department or the public.
func maySheet(p auth.User, unit string) bool {
	return p.Role == auth.RoleAdmin && p.CheckScope() == nil || p.Role == auth.RoleAnalyst && p.CheckScope() == nil ||
		p.Role == auth.RoleCounty && p.Unit == unit
}

// sheetTarget checks that the caller may have the score sheet of the unit
// {code} and picks its run (?run=, else the newest run in which she may
// read the unit's result), returning the unit, the run and the unit's
// rows.
func (s *Server) sheetTarget(r *http.Request) (store.Unit, store.Run, []store.Result, error) {
	c := callerOf(r)
	code := r.PathValue("code")
	if c.anonymous() {
		return store.Unit{}, store.Run{}, nil, deny(c, "score sheet")
	}
	if !maySheet(c.principal(), code) {
		return store.Unit{}, store.Run{}, nil, forbidden("the score sheet of " + code)
	}
	unit, err := s.db.Unit(r.Context(), code)
	if err != nil {
		return unit, store.Run{}, nil, err
	}
	if unit.Kind != store.UnitCounty && unit.Kind != store.UnitZone {
		return unit, store.Run{}, nil, notFound("county " + code)
	}
	run, rows, _, ok, err := s.countyRun(r, code)
	if err != nil {
		return unit, run, nil, err
	}
	if !ok {
		return unit, run, nil, notFound("a result of " + code)
	}
	return unit, run, rows, nil
}

// buildSheet computes the score sheet of unit in run from its rows, the
// run's outcome and the county profile's analysis (cached per run and
// unit), with the unit's objections.
func (s *Server) buildSheet(ctx context.Context, run store.Run, unit store.Unit, rows []store.Result) (*report.Sheet, error) {
	rm, err := s.runModel(ctx, run.ID)
	if err != nil {
		return nil, err
	}
	a, err := s.countyAnalysis(ctx, run.ID, unit.Code)
	if err != nil {
		return nil, err
	}
	objs, err := s.chainObjections(ctx, run, unit.Code)
	if err != nil {
		return nil, err
	}
	in := report.SheetInput{Run: run, Unit: unit, Rows: rows, Outcome: rm.outcome, Strengths: a.strengths,
		Explanation: a.explain, GapK: a.gapK, Gaps: a.gaps, Points: a.points, Worths: a.worths, Objections: objs}
	if pref, err := s.db.PrefectureOf(ctx, unit.Code); err == nil && pref != "" {
		if pu, err := s.db.Unit(ctx, pref); err == nil {
			in.Prefecture = pu.Name
		}
	}
	if a.explain != nil {
		if prev, err := s.db.Run(ctx, rm.in.Params.PreviousRun); err == nil {
			in.PrevPeriod = prev.Period
		}
	}
	return report.BuildSheet(in)
}

// chainObjections returns the unit's objections to run and to the runs it
// re-runs: an objection upheld in 公示 led to the re-run, and its outcome
// belongs on the re-run's sheet.
func (s *Server) chainObjections(ctx context.Context, run store.Run, unit string) ([]store.ResultObjection, error) {
	var out []store.ResultObjection
	for id, seen := run.ID, 0; id != 0 && seen < 100; seen++ {
		os, err := s.db.ResultObjections(ctx, store.ResultObjectionFilter{RunID: id, Units: []string{unit}})
		if err != nil {
			return nil, err
		}
		out = append(os, out...)
		r, err := s.db.Run(ctx, id)
		if err != nil {
			return nil, err
		}
		id = r.ParentID
	}
	return out, nil
}
