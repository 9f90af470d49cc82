package web

import "net/http"

// meGet returns the caller's account, or 401 without a login.
func (s *Server) meGet(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return errorf(EUnauthenticated, "web.unauthenticated")
	}
	writeJSON(w, http.StatusOK, userOut(c.user))
	return nil
}
