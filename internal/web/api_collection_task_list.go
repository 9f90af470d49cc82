package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/store"
)

// collectionTaskList lists the collection tasks (?period=) with what has
// come in and their status (open, supplied, late, missing): all of them
// for the provincial office, its own for a department; 403 for others.
func (s *Server) collectionTaskList(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	f := store.TaskFilter{Period: r.URL.Query().Get("period")}
	if !manages(c) {
		if c.user.Department == "" || !suppliesFor(c, c.user.Department) {
			return deny(c, "read collection tasks")
		}
		f.Department = c.user.Department
	}
	tasks, err := s.db.Tasks(r.Context(), f)
	if err != nil {
		return err
	}
	sup, err := s.db.Supply(r.Context(), tasks, s.now())
	if err != nil {
		return err
	}
	out := make([]taskJSON, len(sup))
	for i, t := range sup {
		out[i] = taskOut(t)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
