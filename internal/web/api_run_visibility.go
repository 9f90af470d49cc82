package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// runVisibility sets how much of a run the public will see once it is
// published: none, winners or full. Fixed at publication (409 after).
func (s *Server) runVisibility(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Visibility string `json:"visibility"`
	}
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	v := auth.Visibility(req.Visibility)
	if !v.Valid() {
		return invalid("bad.visibility", req.Visibility)
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	if err := require(c, auth.Write, runResource(run), "run"); err != nil {
		return err
	}
	if err := s.db.SetVisibility(r.Context(), c.actor(), id, v); err != nil {
		return err
	}
	run.Visibility = v
	writeJSON(w, http.StatusOK, runOut(run))
	return nil
}
