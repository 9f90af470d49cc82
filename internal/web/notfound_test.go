package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestNotFoundIsNeutral asks for records that do not exist, through the
// store (which says "sql: no rows in result set" in its chain) and through
// the handlers' own checks: the same 404 with the same words, which name no
// id and leak nothing of the database; the chain is for the log.
func TestNotFoundIsNeutral(t *testing.T) {
	db := storetest.MustOpen(t)
	f := load(t, db)
	srv := start(t, db, testConfig(), webHooks())
	viewer := client{t: t, base: srv.url, token: f.tokens["v"]}
	root := client{t: t, base: srv.url, token: f.tokens["root"]}
	const zh = "找不到所请求的内容：它不存在，或您无权查看"
	for _, tc := range []struct {
		name, path, lang, want string
		c                      client
	}{
		{"a run", "/api/v1/runs/999999", "zh", zh, viewer},
		{"a run's results", "/api/v1/runs/999999/results", "zh", zh, viewer},
		{"a unit", "/api/v1/units/999999", "zh", zh, viewer},
		{"a revision", "/api/v1/revisions/999999", "zh", zh, root},
		{"an account", "/api/v1/users/nobody999999", "zh", zh, root},
		{"a bad id", "/api/v1/runs/x999999", "zh", zh, viewer},
		{"in English", "/api/v1/runs/999999", "en", "not found: it does not exist, or you may not see it", viewer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.c.do("GET", tc.path+"?lang="+tc.lang, nil)
			var body struct {
				Error struct{ Code, Message string }
			}
			r.decode(t, &body)
			if r.status != http.StatusNotFound || body.Error.Message != tc.want {
				t.Errorf("status %d, message %q; want 404, %q", r.status, body.Error.Message, tc.want)
			}
			if strings.Contains(string(r.body), "sql") || strings.Contains(string(r.body), "999999") {
				t.Errorf("the 404 leaks: %s", r.body)
			}
		})
	}
}
