package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// objectionGet returns an objection with its thread (every message, with
// its attachments' addresses), to those who may read the figure.
func (s *Server) objectionGet(w http.ResponseWriter, r *http.Request) error {
	o, err := s.objectionFor(r, auth.Read, "read objection")
	if err != nil {
		return err
	}
	thread, err := s.db.ObjectionThread(r.Context(), o.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, objectionOut(o, thread))
	return nil
}
