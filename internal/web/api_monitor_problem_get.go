package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// monitorProblemGet returns one problem with its steps; a problem the
// caller may not read is 404, like one that does not exist.
func (s *Server) monitorProblemGet(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := require(c, auth.Read, ownScope(c, auth.KindProblem), "problems"); err != nil {
		return err
	}
	p, err := s.db.Problem(r.Context(), id)
	if err != nil {
		return err
	}
	res, err := s.unitResource(r.Context(), auth.KindProblem, p.Unit)
	if err != nil {
		return err
	}
	if !auth.Can(c.principal(), auth.Read, res) {
		return notFound("problem")
	}
	writeJSON(w, http.StatusOK, problemOut(p, time.Now()))
	return nil
}
