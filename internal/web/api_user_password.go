package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// userPassword sets a password: an administrator for anyone, a user for
// herself after giving her current one. All sessions and tokens of the
// account end, so the caller logs in again.
func (s *Server) userPassword(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	name := r.PathValue("username")
	var req struct {
		Password        string `json:"password"`
		CurrentPassword string `json:"current_password"`
	}
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindUser, Username: name}, "account "+name); err != nil {
		return err
	}
	if c.principal().Role != auth.RoleAdmin {
		if err := s.checkCurrentPassword(r, c.user, req.CurrentPassword); err != nil {
			return err
		}
	}
	if err := auth.CheckPassword(name, req.Password); err != nil {
		return err
	}
	hash, err := auth.HashPassword(req.Password)
	if err != nil {
		return err
	}
	if err := s.db.SetPassword(r.Context(), c.actor(), name, hash); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
