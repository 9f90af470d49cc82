package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// objectionList lists objections (?period=, ?state=open|kept|corrected)
// within the caller's scope: all for the office, its indicators' for a
// department, its units' for a prefecture, its own for a county.
func (s *Server) objectionList(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := store.ObjectionFilter{Period: q.Get("period"), State: workflow.ObjectionState(q.Get("state"))}
	if f.State != "" && !f.State.Valid() {
		return invalid("bad.objectionState", f.State)
	}
	os, err := s.objectionsFor(r, f)
	if err != nil {
		return err
	}
	out := make([]objectionJSON, len(os))
	for i, o := range os {
		out[i] = objectionOut(o, nil)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// objectionsFor narrows f to the caller's scope and lists.
func (s *Server) objectionsFor(r *http.Request, f store.ObjectionFilter) ([]store.FigureObjection, error) {
	c := callerOf(r)
	if err := require(c, auth.Read, ownScope(c, auth.KindObservation), "objections"); err != nil {
		return nil, err
	}
	p := c.principal()
	switch {
	case auth.Can(p, auth.Read, auth.Resource{Kind: auth.KindObservation}):
	case p.Role == auth.RoleDepartment:
		f.Department = p.Department
	case p.Role == auth.RolePrefecture:
		f.Prefecture = p.Unit
	case p.Role == auth.RoleCounty:
		f.Unit = p.Unit
	default:
		return nil, deny(c, "read objections")
	}
	return s.db.FigureObjections(r.Context(), f)
}
