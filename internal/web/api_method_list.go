package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// methodList lists the stored method versions (without their text). The
// provincial office only: a method under preparation is internal.
func (s *Server) methodList(w http.ResponseWriter, r *http.Request) error {
	if err := require(callerOf(r), auth.Read, auth.Resource{Kind: auth.KindMethod}, "methods"); err != nil {
		return err
	}
	ms, err := s.db.Methods(r.Context())
	if err != nil {
		return err
	}
	out := make([]methodJSON, 0, len(ms))
	for _, m := range ms {
		out = append(out, methodOut(m, false))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
