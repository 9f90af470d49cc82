package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// userGet returns one account: an administrator any, a user her own.
func (s *Server) userGet(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	name := r.PathValue("username")
	if err := require(c, auth.Read, auth.Resource{Kind: auth.KindUser, Username: name}, "account "+name); err != nil {
		return err
	}
	u, err := s.db.User(r.Context(), name)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, userOut(u))
	return nil
}
