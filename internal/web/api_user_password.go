package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// userPassword sets a password (configured policy and history checked): an
// administrator for anyone (a reset: the user must choose her own at her
// next login), a user for herself after giving her current one. All sessions and tokens of the
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
	policy := s.cfg.PasswordPolicy()
	if err := policy.Check(name, req.Password); err != nil {
		return err
	}
	earlier, err := s.db.PasswordHistory(r.Context(), name, policy.History)
	if err != nil {
		return err
	}
	if err := policy.CheckHistory(req.Password, earlier); err != nil {
		return err
	}
	hash, err := auth.HashPassword(req.Password)
	if err != nil {
		return err
	}
	set := s.db.SetPassword
	if name != c.user.Username {
		set = s.db.ResetPassword // she must choose her own at her next login
	}
	if err := set(r.Context(), c.actor(), name, hash); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
