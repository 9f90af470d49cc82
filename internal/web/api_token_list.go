package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/store"
)

// tokenList lists the caller's own API tokens (never the tokens
// themselves, which the database does not keep).
func (s *Server) tokenList(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return errorf(EUnauthenticated, "web.unauthenticated")
	}
	ks, err := s.db.APITokens(r.Context(), c.user.Username)
	if err != nil {
		return err
	}
	out := make([]tokenJSON, 0, len(ks))
	for _, k := range ks {
		out = append(out, tokenOut(k))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func tokenOut(k store.APIToken) tokenJSON {
	t := tokenJSON{ID: k.ID, Name: k.Name, CreatedAt: k.CreatedAt, Revoked: k.Revoked}
	if !k.LastUsed.IsZero() {
		t.LastUsed = &k.LastUsed
	}
	if !k.ExpiresAt.IsZero() {
		t.ExpiresAt = &k.ExpiresAt
	}
	return t
}
