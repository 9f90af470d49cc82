package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// methodGet returns one method version with its TOML text.
func (s *Server) methodGet(w http.ResponseWriter, r *http.Request) error {
	if err := require(callerOf(r), auth.Read, auth.Resource{Kind: auth.KindMethod}, "methods"); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.db.Method(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, methodOut(m, true))
	return nil
}
