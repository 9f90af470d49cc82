package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

// loginCreate logs in from the login form in up to three steps: the
// username and password (throttled, see Server.login); then, when the user
// has enrolled for TOTP (or must, see totp_admin), her code; then, when
// her password expired or an administrator reset it, a new password. The
// later steps carry a signed step token (login_steps.go). At the end it
// starts a session in the database, sets its HttpOnly, SameSite=Lax cookie
// and redirects to next.
func (s *Server) loginCreate(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	ctx := r.Context()
	v := newLoginView(r)
	var u store.User
	var err error
	if tok := r.PostFormValue("step"); tok != "" {
		name, step, ok := readStep(tok, s.now())
		if !ok {
			v.Error = locale.M("web.stepExpired").In(pageLang(r))
			s.renderLogin(w, r, http.StatusUnauthorized, v)
			return
		}
		v.Username = name
		if u, err = s.db.User(ctx, name); err == nil && u.Disabled {
			err = errorf(EUnauthenticated, "web.badlogin")
		}
		if err == nil {
			switch step {
			case stepOTP:
				var secret string
				if secret, err = s.needsOTP(ctx, u); err == nil {
					err = s.checkOTP(r, u, secret, r.PostFormValue("otp"))
				}
			case stepChange:
				if err = s.newOwnPassword(ctx, u, r.PostFormValue("new_password")); err == nil {
					u, err = s.db.User(ctx, name)
				}
			}
		}
		if err != nil {
			s.loginFailed(w, r, v, err, step)
			return
		}
	} else {
		v.Username = r.PostFormValue("username")
		if u, err = s.login(r, v.Username, r.PostFormValue("password")); err != nil {
			s.loginFailed(w, r, v, err, "")
			return
		}
		secret, err := s.needsOTP(ctx, u)
		if err != nil {
			s.loginFailed(w, r, v, err, "")
			return
		}
		if secret != "" {
			s.loginStep(w, r, v, stepOTP, http.StatusOK)
			return
		}
	}
	if s.mustChange(u) {
		s.loginStep(w, r, v, stepChange, http.StatusOK)
		return
	}
	token, _, err := s.db.CreateSession(ctx, u.Username)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.setCookie(w, r, token)
	http.Redirect(w, r, v.Next, http.StatusSeeOther)
}

// loginStep shows the form of step (stepOTP, stepChange; "" the password)
// with a fresh step token.
func (s *Server) loginStep(w http.ResponseWriter, r *http.Request, v loginView, step string, status int) {
	v.Step = step
	if step != "" {
		v.StepToken = makeStep(v.Username, step, s.now())
	}
	s.renderLogin(w, r, status, v)
}

// loginFailed shows the form of step again with why the attempt failed;
// other errors are the server's, shown as such.
func (s *Server) loginFailed(w http.ResponseWriter, r *http.Request, v loginView, err error, step string) {
	lang := pageLang(r)
	e := asError(err, lang)
	switch e.Code {
	case EUnauthenticated, EThrottled, EForbidden, EInvalid:
	default:
		s.writeError(w, r, err)
		return
	}
	if e.Code == EThrottled && e.RetryAfter > 0 {
		w.Header().Set("Retry-After", itoa(e.RetryAfter))
	}
	v.Error = e.Msg.In(lang)
	if e.Code == EForbidden {
		step = ""
	}
	s.loginStep(w, r, v, step, statusOf[e.Code])
}
