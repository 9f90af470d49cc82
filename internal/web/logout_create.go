package web

import (
	"errors"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/store"
)

// logoutCreate ends the session in the database (so that a copied cookie
// is worthless on every replica), clears the cookie and goes to the login
// form.
func (s *Server) logoutCreate(w http.ResponseWriter, r *http.Request) {
	if c := callerOf(r); c.session != "" {
		if err := s.db.DeleteSession(r.Context(), c.session); err != nil && !errors.Is(err, store.ErrNotFound) {
			s.writeError(w, r, err)
			return
		}
	}
	s.clearCookie(w, r)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
