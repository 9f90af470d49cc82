package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

type userRequest struct {
	Username    string `json:"username"`
	Password    string `json:"password"`
	Role        string `json:"role"`
	Department  string `json:"department"`
	Unit        string `json:"unit"`
	DisplayName string `json:"display_name"`
}

// userCreate creates an account with a role and scope. Administrators only;
// the password must pass the policy (all broken rules are listed).
func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	var req userRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindUser, Username: req.Username}, "accounts"); err != nil {
		return err
	}
	role, err := auth.ParseRole(req.Role)
	if err != nil {
		return invalidErr(err, "bad.role", req.Role, auth.Roles)
	}
	if err := s.cfg.PasswordPolicy().Check(req.Username, req.Password); err != nil {
		return err
	}
	hash, err := auth.HashPassword(req.Password)
	if err != nil {
		return err
	}
	u, err := s.db.CreateUser(r.Context(), c.actor(), store.User{Username: req.Username, PasswordHash: hash, Role: role,
		Department: req.Department, Unit: req.Unit, DisplayName: req.DisplayName})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, userOut(u))
	return nil
}
