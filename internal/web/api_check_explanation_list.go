package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/store"
)

// checkExplanationList returns the written explanations stored with
// flagged figures (?period=), within the caller's scope as the figures
// are: a department its indicators', a prefecture its units', a county
// its own.
func (s *Server) checkExplanationList(w http.ResponseWriter, r *http.Request) error {
	f, err := s.figureScope(r, store.ObservationFilter{})
	if err != nil {
		return err
	}
	es, err := s.db.Explanations(r.Context(), store.ExplanationFilter{Period: r.URL.Query().Get("period"),
		Units: f.Units, Department: f.Department, Prefecture: f.Prefecture})
	if err != nil {
		return err
	}
	out := make([]explanationJSON, len(es))
	for i, e := range es {
		out[i] = explanationOut(e)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
