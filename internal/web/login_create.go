package web

import (
	"net/http"
)

// loginCreate checks the form's username and password (throttled, see
// Server.login), starts a session in the database, sets its HttpOnly,
// SameSite=Lax cookie and redirects to next.
func (s *Server) loginCreate(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	username, password := r.PostFormValue("username"), r.PostFormValue("password")
	v := newLoginView(r)
	v.Username = username
	u, err := s.login(r, username, password)
	if err != nil {
		lang := pageLang(r)
		e := asError(err, lang)
		if e.Code != EUnauthenticated && e.Code != EThrottled {
			s.writeError(w, r, err)
			return
		}
		if e.Code == EThrottled && e.RetryAfter > 0 {
			w.Header().Set("Retry-After", itoa(e.RetryAfter))
		}
		v.Error = e.Msg.In(lang)
		s.renderLogin(w, r, statusOf[e.Code], v)
		return
	}
	token, _, err := s.db.CreateSession(r.Context(), u.Username)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.setCookie(w, r, token)
	http.Redirect(w, r, v.Next, http.StatusSeeOther)
}
