package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// resultObjectionList is GET /api/v1/runs/{id}/objections: the objections
// to a run's results the caller may see — all of them for the provincial
// office and the departments reviewing the run, her own units' for a
// county or prefecture user; never the public's (viewers are refused even
// for a published run, whose objections stay internal).
func (s *Server) resultObjectionList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	units, err := s.objectionScope(r, run)
	if err != nil {
		return err
	}
	if units != nil && len(units) == 0 {
		return deny(callerOf(r), "read objections")
	}
	os, err := s.db.ResultObjections(r.Context(), store.ResultObjectionFilter{RunID: id, Units: units})
	if err != nil {
		return err
	}
	out := make([]resultObjectionJSON, 0, len(os))
	for _, o := range os {
		out = append(out, resultObjectionOut(o))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// objectionScope returns the units whose objections to run the caller may
// read: nil for all, an empty list for none.
func (s *Server) objectionScope(r *http.Request, run store.Run) ([]string, error) {
	p := callerOf(r).principal()
	// Visibility none: what the public may read of a published run does
	// not extend to its objections.
	res := auth.Resource{Kind: auth.KindResult, RunState: run.State, Visibility: auth.VisNone}
	if auth.Can(p, auth.Read, res) {
		return nil, nil
	}
	prefs, err := s.prefectures(r)
	if err != nil {
		return nil, err
	}
	units := []string{}
	for unit, pref := range prefs {
		res.Unit, res.Prefecture = unit, pref
		if (p.Role == auth.RoleCounty || p.Role == auth.RolePrefecture) && auth.Can(p, auth.Read, res) {
			units = append(units, unit)
		}
	}
	return units, nil
}
