package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/store"
)

type tokenRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
	Name     string `json:"name"`
	OTP      string `json:"otp"` // the TOTP code, for a user enrolled for two-factor login
}

type tokenJSON struct {
	Token     string     `json:"token,omitempty"`
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	CreatedAt time.Time  `json:"created_at"`
	LastUsed  *time.Time `json:"last_used,omitempty"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	Revoked   bool       `json:"revoked"`
}

// tokenCreate exchanges a username and password (and a TOTP code when the
// user has enrolled) for an API token (shown
// only now; the database keeps its hash), throttled like the browser login.
func (s *Server) tokenCreate(w http.ResponseWriter, r *http.Request) error {
	var req tokenRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	u, err := s.login(r, req.Username, req.Password)
	if err != nil {
		return err
	}
	secret, err := s.needsOTP(r.Context(), u)
	if err != nil {
		return err
	}
	if secret != "" {
		if err := s.checkOTP(r, u, secret, req.OTP); err != nil {
			return err
		}
	}
	if s.mustChange(u) {
		return errorf(EForbidden, "web.mustChange")
	}
	var expires time.Time
	if s.cfg.TokenTTL > 0 {
		expires = s.now().Add(s.cfg.TokenTTL)
	}
	if req.Name == "" {
		req.Name = "api"
	}
	token, k, err := s.db.CreateAPIToken(r.Context(), store.Actor{Username: u.Username}, u.Username, req.Name, expires)
	if err != nil {
		return err
	}
	out := tokenJSON{Token: token, ID: k.ID, Name: k.Name, CreatedAt: k.CreatedAt}
	if !k.ExpiresAt.IsZero() {
		out.ExpiresAt = &k.ExpiresAt
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}
