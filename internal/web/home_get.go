package web

import (
	"fmt"
	"html"
	"net/http"
	"strconv"
)

// homeGet is a placeholder front page: who is logged in, and where the API
// and its description are.
func (s *Server) homeGet(w http.ResponseWriter, r *http.Request) {
	c := callerOf(r)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	name := "（未登录）<a href=\"/login\">登录</a>"
	if !c.anonymous() {
		name = html.EscapeString(c.user.Username) + ` <form method="post" action="/logout" style="display:inline"><button>退出</button></form>`
	}
	fmt.Fprintf(w, `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>强县</title></head><body>
<h1>强县 qiangxian</h1><p>%s</p><p><a href="/api/v1/openapi.json">API（OpenAPI 3.1）</a></p></body></html>
`, name)
}

func itoa(n int) string { return strconv.Itoa(n) }
