package web_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestTokenRevocationImmediate runs two servers on one database (two
// replicas), uses a token on both so that both keep it, revokes it
// through one of them, and finds it refused by both on the very next
// request; then the same for a token revoked in the database directly and
// for a disabled user. A second token of the same user keeps working.
func TestTokenRevocationImmediate(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		a := store.Actor{Username: "test"}
		srvA := start(t, db, testConfig(), webHooks())
		srvB := start(t, db, testConfig(), webHooks())
		for _, u := range []string{"v1", "v2"} {
			_, err := db.CreateUser(ctx, a, store.User{Username: u, PasswordHash: passwordHash, Role: auth.RoleViewer})
			must(t, err)
		}
		newToken := func(user string) (string, int64) {
			tok, k, err := db.CreateAPIToken(ctx, a, user, "test", time.Time{})
			must(t, err)
			return tok, k.ID
		}
		me := func(url, tok string) int {
			return client{t: t, base: url, token: tok}.do("GET", "/api/v1/me", nil).status
		}
		warm := func(toks ...string) {
			t.Helper()
			for _, url := range []string{srvA.url, srvB.url} {
				for _, tok := range toks {
					for range 2 {
						if s := me(url, tok); s != http.StatusOK {
							t.Fatalf("a valid token: status %d", s)
						}
					}
				}
			}
		}
		refused := func(what, tok string) {
			t.Helper()
			for _, url := range []string{srvA.url, srvB.url} {
				if s := me(url, tok); s != http.StatusUnauthorized {
					t.Errorf("%s: the next request got %d, want 401", what, s)
				}
			}
		}
		keep, _ := newToken("v1")

		// Revoked through server A's API by its owner.
		tok, id := newToken("v1")
		warm(tok, keep)
		if r := (client{t: t, base: srvA.url, token: keep}).do("DELETE", fmt.Sprintf("/api/v1/tokens/%d", id), nil); r.status != http.StatusNoContent && r.status != http.StatusOK {
			t.Fatalf("DELETE token: %d %s", r.status, r.body)
		}
		refused("revoked through server A", tok)

		// Revoked in the database by another process.
		tok, id = newToken("v1")
		warm(tok, keep)
		must(t, db.RevokeAPIToken(ctx, a, id))
		refused("revoked in the database", tok)

		// The user disabled.
		tok, _ = newToken("v2")
		warm(tok, keep)
		must(t, db.SetDisabled(ctx, a, "v2", true))
		refused("user disabled", tok)

		for _, url := range []string{srvA.url, srvB.url} {
			if s := me(url, keep); s != http.StatusOK {
				t.Errorf("the token not revoked: status %d", s)
			}
		}
	})
}

// TestSessionEndsImmediate runs two servers on one database, uses a
// browser session on both so that both keep it, logs out through one and
// finds the session refused by both on the next request; then the same
// for a session whose user is disabled.
func TestSessionEndsImmediate(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		srvA := start(t, db, testConfig(), webHooks())
		srvB := start(t, db, testConfig(), webHooks())
		_, err := db.CreateUser(ctx, store.Actor{Username: "test"}, store.User{Username: "v1", PasswordHash: passwordHash, Role: auth.RoleViewer})
		must(t, err)
		for _, c := range []struct {
			name, user string
			end        func(ck *http.Cookie)
		}{
			{"logged out on A", "v1", func(ck *http.Cookie) {
				out := withCookie(t, srvA.url, ck)
				out.hdr.Set("Sec-Fetch-Site", "same-origin")
				if r := out.do("POST", "/logout", nil); r.status != http.StatusSeeOther {
					t.Fatalf("logout: %d %s", r.status, r.body)
				}
			}},
			{"user disabled", "v1", func(*http.Cookie) { must(t, db.SetDisabled(ctx, store.Actor{Username: "test"}, "v1", true)) }},
		} {
			ck := browserLogin(t, srvA.url, c.user, password)
			for _, url := range []string{srvA.url, srvB.url} {
				for range 2 {
					if r := withCookie(t, url, ck).do("GET", "/api/v1/me", nil); r.status != http.StatusOK {
						t.Fatalf("%s: a valid session: %d", c.name, r.status)
					}
				}
			}
			c.end(ck)
			for _, url := range []string{srvA.url, srvB.url} {
				if r := withCookie(t, url, ck).do("GET", "/api/v1/me", nil); r.status != http.StatusUnauthorized {
					t.Errorf("%s: the next request got %d, want 401", c.name, r.status)
				}
			}
		}
	})
}
