package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// userDisable disables or re-enables an account ({"disabled": true}).
// Accounts are never deleted: the audit log names them. Administrators
// only, and not their own account, so that one always remains.
func (s *Server) userDisable(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	name := r.PathValue("username")
	var req struct {
		Disabled bool `json:"disabled"`
	}
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindUser}, "accounts"); err != nil {
		return err
	}
	if name == c.user.Username {
		return invalid("bad.disableSelf")
	}
	if err := s.db.SetDisabled(r.Context(), c.actor(), name, req.Disabled); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
