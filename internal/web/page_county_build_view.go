package web

import (
	"math"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

// buildCounty assembles the profile of unit for the caller: the run she
// picked (or the newest she may read the unit in), its scores, the
// explanation, the gaps and the rank interval. A unit without a readable
// run gives a view with no Run (an empty state).
func (s *Server) buildCounty(r *http.Request, unit store.Unit) (*countyView, error) {
	ctx := r.Context()
	c := callerOf(r)
	lang := pageLang(r)
	v := &countyView{Unit: unit}
	if pref, err := s.db.PrefectureOf(ctx, unit.Code); err == nil && pref != "" {
		if pu, err := s.db.Unit(ctx, pref); err == nil {
			v.Prefecture = pu.Name
		}
	}
	run, rows, overall, ok, err := s.countyRun(r, unit.Code)
	if err != nil || !ok {
		return v, err
	}
	v.Run, v.Overall = run, overall
	if v.Picker, err = s.countyPicker(r, unit.Code, run.ID); err != nil {
		return nil, err
	}
	rm, err := s.runModel(ctx, run.ID)
	if err != nil {
		return nil, err
	}
	v.names = methodNames(rm.in.Method, lang == locale.EN)
	a, err := s.countyAnalysis(ctx, run.ID, unit.Code)
	if err != nil {
		return nil, err
	}
	v.fillScores(rm, rows, a.strengths)
	v.ShowRaw = run.State.Public() && run.Visibility == auth.VisFull ||
		auth.Can(c.principal(), auth.Read, auth.Resource{Kind: auth.KindObservation, Unit: unit.Code,
			Prefecture: s.prefectureOf(r, unit.Code)})
	if !v.ShowRaw {
		for i := range v.Indicators {
			v.Indicators[i].Raw = math.NaN()
		}
	}
	v.Strengths, v.Weaknesses = splitStrengths(a.strengths, 3, v.names)
	v.peerStrengths()
	if v.History, err = s.countyHistory(r, unit.Code, run.ID); err != nil {
		return nil, err
	}
	if err := s.countyExplain(r, v, a); err != nil {
		return nil, err
	}
	// What it would take to rise is for the county's head and the
	// provincial office (issue 15): not for a neighbour or the public.
	if maySheet(c.principal(), unit.Code) {
		v.Gap = newGapView(a, v.names, lang)
		v.Points = newPointsView(a, rm.in.Method, v.names, lang)
	}
	pending, err := s.db.PendingAwards(ctx, run.ID)
	if err != nil {
		return nil, err
	}
	ds, err := s.db.AwardDecisions(ctx, run.ID)
	if err != nil {
		return nil, err
	}
	v.Rules = countyRules(rm.outcome, unit.Code, v.names, pending, ds, v.ShowRaw, lang)
	rb, err := s.robustness(ctx, run.ID)
	if err != nil {
		return nil, err
	}
	if i, ok := rb.index[unit.Code]; ok {
		st := rb.stats
		v.Interval = &intervalView{Nominal: st.Nominal[i], Median: st.Median[i], Q5: st.Q5[i], Q95: st.Q95[i],
			PTop: 100 * st.PTop[i], Runs: st.Runs, Failed: st.Failed, Declared: rb.declared, RunID: run.ID}
	}
	return v, nil
}

// countyExplain adds the explanation of a to v when the caller may read the
// previous run; the units that overtook or were overtaken only when she
// may read both runs' whole tables.
func (s *Server) countyExplain(r *http.Request, v *countyView, a *countyAnalysis) error {
	if a.explain == nil {
		return nil
	}
	rm, err := s.runModel(r.Context(), v.Run.ID)
	if err != nil {
		return err
	}
	prevID := rm.in.Params.PreviousRun
	prev, err := s.db.Run(r.Context(), prevID)
	if err != nil {
		return err
	}
	p := callerOf(r).principal()
	// The explanation shows the unit's figures of the previous run: they
	// follow that run's visibility (issue 12), not this one's.
	_, prevOverall, has, err := s.unitRows(r.Context(), prev, v.Unit.Code)
	if err != nil {
		return err
	}
	if !has {
		return nil
	}
	if own, _, err := s.rowAccess(r.Context(), callerOf(r), prev, v.Unit.Code, len(prevOverall.Awards) > 0); err != nil || !own {
		return err
	}
	units, err := s.db.Units(r.Context(), store.UnitFilter{})
	if err != nil {
		return err
	}
	unitNames := make(map[string]string, len(units))
	for _, u := range units {
		unitNames[u.Code] = u.Name
	}
	lang := pageLang(r)
	v.Explain = newExplainView(a.explain, v.names, unitNames,
		[3]string{ui(lang, "county.x.weights"), ui(lang, "county.x.renorm"), ui(lang, "county.x.adjust")})
	v.Explain.PrevRun, v.Explain.PrevPeriod = prev.ID, prev.Period
	prm, err := s.runModel(r.Context(), prevID)
	if err != nil {
		return err
	}
	v.Explain.Sentences = whySentences(v.Explain.Rows, whyFigures{prev: rawStage(prm.outcome), cur: rawStage(rm.outcome), unit: v.Unit.Code,
		m: rm.outcome.Method}, lang)
	full := func(run store.Run) bool {
		return auth.Can(p, auth.Read, auth.Resource{Kind: auth.KindResult, RunState: run.State, Visibility: run.Visibility})
	}
	v.Explain.ShowPairs = full(v.Run) && full(prev)
	return nil
}

// countyPicker offers the runs in which the caller may read the unit.
func (s *Server) countyPicker(r *http.Request, unit string, selected int64) (runPicker, error) {
	pk := runPicker{Action: "/counties/" + unit, Selected: selected}
	runs, err := s.readableRuns(r, false)
	if err != nil {
		return pk, err
	}
	p := &Page{Lang: pageLang(r)}
	for _, run := range runs {
		_, overall, has, err := s.unitRows(r.Context(), run, unit)
		if err != nil {
			return pk, err
		}
		if !has {
			continue
		}
		if own, _, err := s.rowAccess(r.Context(), callerOf(r), run, unit, len(overall.Awards) > 0); err != nil {
			return pk, err
		} else if own {
			pk.Runs = append(pk.Runs, runOption{ID: run.ID, Label: runLabel(p, run)})
		}
	}
	return pk, nil
}

// prefectureOf is the unit's prefecture, "" when it has none.
func (s *Server) prefectureOf(r *http.Request, unit string) string {
	pref, err := s.db.PrefectureOf(r.Context(), unit)
	if err != nil {
		return ""
	}
	return pref
}

// splitStrengths returns the n best indicators above the type's average
// and the n worst below it (worst first); all is best first.
func splitStrengths(all []engine.Strength, n int, names map[string]nameUnit) (best, worst []strengthRow) {
	row := func(st engine.Strength) strengthRow {
		return strengthRow{Code: st.Indicator, Name: names[st.Indicator].Name, Abs: math.Abs(st.Gap), PeerRank: st.PeerRank}
	}
	for _, st := range all {
		if st.Gap > 0 && len(best) < n {
			best = append(best, row(st))
		}
	}
	for i := len(all) - 1; i >= 0 && len(worst) < n; i-- {
		if all[i].Gap < 0 {
			worst = append(worst, row(all[i]))
		}
	}
	return best, worst
}
