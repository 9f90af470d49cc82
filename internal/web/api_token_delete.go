package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// tokenDelete revokes an API token: the caller's own, or any for an
// administrator. Another user's token is "not found" to the others.
func (s *Server) tokenDelete(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return errorf(EUnauthenticated, "web.unauthenticated")
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ks, err := s.db.APITokens(r.Context(), c.user.Username)
	if err != nil {
		return err
	}
	own := false
	for _, k := range ks {
		own = own || k.ID == id
	}
	if !own && !auth.Can(c.principal(), auth.Write, auth.Resource{Kind: auth.KindUser}) {
		return notFound("token")
	}
	if err := s.db.RevokeAPIToken(r.Context(), c.actor(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
