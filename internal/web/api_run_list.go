package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// runList lists the runs the caller may see, newest first, optionally of
// one period (?period=2022) or state (?state=published). Without a login
// that is the published runs whose visibility is winners or full.
func (s *Server) runList(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := store.RunFilter{Period: q.Get("period"), State: auth.RunState(q.Get("state"))}
	if f.State != "" && !f.State.Valid() {
		return invalid("bad.runState", f.State, auth.RunStates)
	}
	runs, err := s.db.Runs(r.Context(), f)
	if err != nil {
		return err
	}
	p := callerOf(r).principal()
	out := make([]runJSON, 0, len(runs))
	for _, run := range runs {
		if auth.Can(p, auth.Read, runResource(run)) {
			out = append(out, runOut(run))
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
