package web

import "net/http"

// runsRobustness is the robustness chart of a run (/runs/{id}/robustness):
// every unit's rank interval (5 %–95 %), median and nominal rank over the
// uncertainty analysis the method declares (or the default one), computed
// on the first request and kept in memory (see maxMemo). Units whose rows
// the caller may not read are left out.
func (s *Server) runsRobustness(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	rows, err := s.overallRows(r, run)
	if err != nil {
		return err
	}
	rb, err := s.robustness(r.Context(), run.ID)
	if err != nil {
		return err
	}
	names, err := s.unitNameMap(r)
	if err != nil {
		return err
	}
	lang := pageLang(r)
	v := newRobustView(run, rb, rows, names, [4]string{ui(lang, "common.rank"), ui(lang, "runs.interval"),
		ui(lang, "runs.median"), ui(lang, "runs.nominal")})
	v.Stability = stabilityOfRows(rows)
	s.render(w, r, http.StatusOK, "runs_robustness", v)
	return nil
}
