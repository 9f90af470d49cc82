package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// userList lists the accounts the caller may read: all of them for an
// administrator, her own for anyone else.
func (s *Server) userList(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return errorf(EUnauthenticated, "web.unauthenticated")
	}
	us, err := s.db.Users(r.Context())
	if err != nil {
		return err
	}
	out := make([]userJSON, 0, len(us))
	for _, u := range us {
		if auth.Can(c.principal(), auth.Read, auth.Resource{Kind: auth.KindUser, Username: u.Username}) {
			out = append(out, userOut(u))
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
