package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// userRole changes an account's role and scope (a department for a
// department user, a unit for a prefecture or county user). Administrators
// only — a user may write her own account, but not her own rights.
func (s *Server) userRole(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	name := r.PathValue("username")
	var req struct {
		Role       string `json:"role"`
		Department string `json:"department"`
		Unit       string `json:"unit"`
	}
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindUser}, "roles"); err != nil {
		return err
	}
	role, err := auth.ParseRole(req.Role)
	if err != nil {
		return invalidErr(err, "bad.role", req.Role, auth.Roles)
	}
	if err := s.db.SetRole(r.Context(), c.actor(), name, role, req.Department, req.Unit); err != nil {
		return err
	}
	u, err := s.db.User(r.Context(), name)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, userOut(u))
	return nil
}
