package web

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// loginPage is the browser login form. It posts to the same origin, which
// is what http.CrossOriginProtection lets through.
var loginPage = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Title}}</title></head>
<body><h1>{{.Title}}</h1>
{{if .Error}}<p role="alert">{{.Error}}</p>{{end}}
<form method="post" action="/login">
<input type="hidden" name="next" value="{{.Next}}">
<label>{{.User}} <input name="username" autocomplete="username" required value="{{.Username}}"></label>
<label>{{.Pass}} <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">{{.Submit}}</button>
</form></body></html>
`))

type loginView struct {
	Lang, Title, User, Pass, Submit string
	Error, Next, Username           string
}

func newLoginView(r *http.Request) loginView {
	v := loginView{Lang: "zh", Title: "强县 登录", User: "用户名", Pass: "密码", Submit: "登录"}
	if langOf(r) == locale.EN {
		v = loginView{Lang: "en", Title: "qiangxian login", User: "Username", Pass: "Password", Submit: "Log in"}
	}
	v.Next = safeNext(r.FormValue("next"))
	return v
}

// safeNext keeps a redirect target only when it is a path on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

// loginForm shows the login form.
func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	s.renderLogin(w, http.StatusOK, newLoginView(r))
}

func (s *Server) renderLogin(w http.ResponseWriter, status int, v loginView) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := loginPage.Execute(w, v); err != nil {
		s.log.Error("login page", "err", err)
	}
}
