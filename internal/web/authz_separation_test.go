package web_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestThreeAdminSeparation: with admin_separation on, the 系统管理员
// (sys), 安全管理员 (sec) and 审计管理员 (aud) each reach their own share
// through the API and are refused the others'; none can change the audit
// log (there is no route that would).
func TestThreeAdminSeparation(t *testing.T) {
	db := storetest.MustOpen(t)
	cfg := testConfig()
	cfg.AdminSeparation, cfg.SecurityAdmins, cfg.AuditAdmins = true, "sec", "aud"
	must(t, cfg.Validate())
	srv := start(t, db, cfg, webHooks())
	tokens := map[string]string{}
	for _, name := range []string{"sys", "sec", "aud"} {
		_, err := db.CreateUser(ctx, store.Actor{Username: "test"}, store.User{Username: name, Role: auth.RoleAdmin, PasswordHash: passwordHash})
		must(t, err)
		tokens[name], _, err = db.CreateAPIToken(ctx, store.Actor{Username: "test"}, name, "test", time.Time{})
		must(t, err)
	}
	newUser := func(name string) map[string]string {
		return map[string]string{"username": name, "password": "Gansu-Pass-2024", "role": "viewer"}
	}
	for _, tc := range []struct {
		method, path string
		body         any
		want         [3]int // sys, sec, aud
		count        [3]int // items of a list, -1: not a list
	}{
		{"GET", "/api/v1/audit", nil, [3]int{403, 403, 200}, [3]int{-1, -1, -1}},
		// The list holds what the caller may read: her own account, or
		// all four (admin, sys, sec, aud) for the security administrator.
		{"GET", "/api/v1/users", nil, [3]int{200, 200, 200}, [3]int{1, 4, 1}},
		{"POST", "/api/v1/users", "new", [3]int{403, 201, 403}, [3]int{-1, -1, -1}},
		{"GET", "/api/v1/users/sys", nil, [3]int{200, 200, 403}, [3]int{-1, -1, -1}},
		{"GET", "/api/v1/revisions", nil, [3]int{200, 403, 403}, [3]int{-1, -1, -1}},
		{"GET", "/api/v1/me", nil, [3]int{200, 200, 200}, [3]int{-1, -1, -1}},
	} {
		for i, who := range []string{"sys", "sec", "aud"} {
			t.Run(tc.method+" "+tc.path+" as "+who, func(t *testing.T) {
				body := tc.body
				if body == "new" {
					body = newUser("new-by-" + who)
				}
				r := client{t: t, base: srv.url, token: tokens[who]}.do(tc.method, tc.path, body)
				if r.status != tc.want[i] {
					t.Errorf("status %d, want %d: %s", r.status, tc.want[i], r.body)
				}
				if tc.count[i] >= 0 {
					var items []json.RawMessage
					r.decode(t, &items)
					if len(items) != tc.count[i] {
						t.Errorf("%d items, want %d: %s", len(items), tc.count[i], r.body)
					}
				}
			})
		}
	}
	// Off (the default): one administrator does all of it.
	plain := start(t, storetest.MustOpen(t), testConfig(), webHooks())
	tok := client{t: t, base: plain.url}.do("POST", "/api/v1/tokens", map[string]string{"username": "admin", "password": testConfig().AdminPassword})
	if tok.status != http.StatusCreated && tok.status != http.StatusOK {
		t.Fatalf("admin token: %d %s", tok.status, tok.body)
	}
	var v struct{ Token string }
	tok.decode(t, &v)
	for _, path := range []string{"/api/v1/audit", "/api/v1/users", "/api/v1/revisions"} {
		if r := (client{t: t, base: plain.url, token: v.Token}).do("GET", path, nil); r.status != 200 {
			t.Errorf("admin without separation: GET %s %d", path, r.status)
		}
	}
}
