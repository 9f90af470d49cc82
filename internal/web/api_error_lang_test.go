package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestAPIErrorsInTheCallersLanguage: an API error's message is Chinese by
// default and English with Accept-Language: en or ?lang=en, and never a Go
// error's or a database driver's text: malformed parameters and bodies
// (the web package's refusals), a refusal of the store with its own
// message, a duplicate that only the database notices, a 404.
func TestAPIErrorsInTheCallersLanguage(t *testing.T) {
	d := newDemoSite(t)
	a := store.Actor{Username: "test"}
	_, err := d.db.CreateUser(ctx, a, store.User{Username: "root", Role: auth.RoleAdmin, PasswordHash: passwordHash})
	must(t, err)
	tok, _, err := d.db.CreateAPIToken(ctx, a, "root", "test", time.Time{})
	must(t, err)
	d.tokens["root"] = tok

	var methods []struct {
		ID      int64  `json:"id"`
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	d.as(t, "root").do("GET", "/api/v1/methods", nil).decode(t, &methods)
	if len(methods) == 0 {
		t.Fatal("the demo has no method")
	}
	var m struct {
		TOML string `json:"toml"`
	}
	d.as(t, "root").do("GET", fmt.Sprintf("/api/v1/methods/%d", methods[0].ID), nil).decode(t, &m)

	cases := []struct {
		name, method, path string
		body               any
		status             int
	}{
		{"a state that does not exist", "GET", "/api/v1/runs?state=bogus", nil, http.StatusBadRequest},
		{"a body that is not JSON", "POST", "/api/v1/methods", strings.NewReader("{not json"), http.StatusBadRequest},
		{"a unit kind that does not exist", "GET", "/api/v1/units?kind=planet", nil, http.StatusBadRequest},
		{"a period not YYYY-MM", "GET", "/api/v1/monitor/table?period=2024", nil, http.StatusBadRequest},
		{"a store refusal: the same version with another text", "POST", "/api/v1/methods",
			map[string]string{"name": methods[0].Name, "version": methods[0].Version, "toml": m.TOML + "\n# changed\n"}, http.StatusConflict},
		{"a duplicate the database refuses", "POST", "/api/v1/users",
			map[string]string{"username": "viewer", "role": "viewer", "password": "Another-Pass-2024!x"}, http.StatusConflict},
		{"a path that does not exist", "GET", "/api/v1/nothing-here", nil, http.StatusNotFound},
	}
	for _, c := range cases {
		for _, lang := range []string{"zh", "en-header", "en-query"} {
			t.Run(c.name+"/"+lang, func(t *testing.T) {
				cl := d.as(t, "root")
				path := c.path
				switch lang {
				case "en-header":
					cl.hdr = http.Header{"Accept-Language": {"en-US,en;q=0.9"}}
				case "en-query":
					if strings.Contains(path, "?") {
						path += "&lang=en"
					} else {
						path += "?lang=en"
					}
				}
				body := c.body
				if r, ok := body.(*strings.Reader); ok {
					body = strings.NewReader(readAll(r))
				}
				r := cl.do(c.method, path, body)
				if r.status != c.status {
					t.Fatalf("status %d, want %d: %s", r.status, c.status, r.body)
				}
				var e struct {
					Error struct {
						Message string `json:"message"`
					} `json:"error"`
				}
				r.decode(t, &e)
				msg := e.Error.Message
				if m := rawError.FindString(msg); m != "" || strings.Contains(msg, "constraint") || strings.Contains(msg, "SQLSTATE") {
					t.Errorf("a Go or database error in the message: %q", msg)
				}
				han := strings.IndexFunc(msg, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
				if lang == "zh" && !han {
					t.Errorf("the Chinese message has no Chinese: %q", msg)
				}
				if lang != "zh" && han {
					t.Errorf("the English message has Chinese in it: %q", msg)
				}
			})
		}
	}
}

// readAll is the rest of r, which may be read again from a copy.
func readAll(r *strings.Reader) string {
	var b strings.Builder
	r.Seek(0, 0)
	r.WriteTo(&b)
	return b.String()
}
