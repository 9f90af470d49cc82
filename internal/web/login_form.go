package web

import (
	"net/http"
	"net/url"
	"strings"
)

func init() {
	registerUI(map[string][2]string{
		"login.title":    {"登录", "Log in"},
		"login.intro":    {"请使用省、市、县或部门分配的账号登录。", "Log in with the account your office has given you."},
		"login.user":     {"用户名", "Username"},
		"login.pass":     {"密码", "Password"},
		"login.submit":   {"登录", "Log in"},
		"login.expired":  {"您长时间未操作，登录已过期，请重新登录。", "You were idle for too long and have been logged out; please log in again."},
		"login.as":       {"您已作为 %s 登录，可以换一个账号登录。", "You are logged in as %s; you may log in with another account."},
		"login.errTitle": {"登录未成功", "Login failed"},
	})
}

// loginView is the data of the login page (templates/login.html).
type loginView struct {
	Error    string // why the last attempt failed, in the page's language
	Expired  bool   // the session ended by idling: say so
	Next     string // where to go after the login: a path of this site
	Username string // the name typed last time, kept after a failure
	Lang     string // the page's language, posted back with the form
	// Step is the login's next step after the password: "otp" (a TOTP
	// code) or "change" (a new password); StepToken carries it signed.
	Step      string
	StepToken string
	OIDC, CAS bool // single sign-on links shown above the form
}

func newLoginView(r *http.Request) loginView {
	return loginView{Next: safeNext(r.FormValue("next")), Lang: string(pageLang(r))}
}

// safeNext keeps a redirect target only when it is a path on this site:
// one slash, no scheme or host, and none of the characters browsers drop
// or turn into a slash ("/\t/evil.example" is "//evil.example" to them).
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\t\r\n") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}

// staleSession reports whether the request carried a session cookie that
// no longer logs in (idle too long or removed): the login page says so.
func staleSession(r *http.Request) bool {
	ck, err := r.Cookie(SessionCookie)
	return err == nil && ck.Value != "" && callerOf(r).anonymous()
}

// loginForm shows the login form.
func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	v := newLoginView(r)
	v.Expired = r.URL.Query().Get("expired") == "1" || staleSession(r)
	s.renderLogin(w, r, http.StatusOK, v)
}

func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, v loginView) {
	v.OIDC, v.CAS = s.cfg.OIDC(), s.cfg.CAS()
	s.render(w, r, status, "login", v)
}
