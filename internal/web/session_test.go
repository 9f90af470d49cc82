package web_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/web"
)

// browserLogin posts the login form as a same-origin browser would and
// returns the session cookie.
func browserLogin(t *testing.T, base, user, pw string) *http.Cookie {
	t.Helper()
	c := client{t: t, base: base, hdr: http.Header{"Sec-Fetch-Site": {"same-origin"}, "Origin": {base}}}
	r := c.do("POST", "/login", form("username", user, "password", pw, "next", "/api/v1/me"))
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/api/v1/me" {
		t.Fatalf("login as %s: status %d, Location %q: %s", user, r.status, r.header.Get("Location"), r.body)
	}
	for _, ck := range (&http.Response{Header: r.header}).Cookies() {
		if ck.Name == web.SessionCookie {
			if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Secure {
				t.Errorf("cookie %+v: want HttpOnly, SameSite=Lax, not Secure over plain HTTP", ck)
			}
			return ck
		}
	}
	t.Fatalf("login set no %s cookie", web.SessionCookie)
	return nil
}

func withCookie(t *testing.T, base string, ck *http.Cookie) client {
	return client{t: t, base: base, hdr: http.Header{"Cookie": {ck.Name + "=" + ck.Value}}}
}

// TestReplicasShareSessions runs two servers on one PostgreSQL database: a
// session and an API token made on one are valid on the other, and a
// logout on one ends the session on both.
func TestReplicasShareSessions(t *testing.T) {
	dsn := storetest.FreshSchema(t, postgresDSN(t))
	var srvs [2]*server
	for i := range srvs {
		db, err := store.Open(ctx, dsn)
		must(t, err)
		t.Cleanup(func() { db.Close() })
		srvs[i] = start(t, db, testConfig(), webHooks())
	}
	a, b := srvs[0].url, srvs[1].url
	ck := browserLogin(t, a, "admin", testConfig().AdminPassword)
	if r := withCookie(t, b, ck).do("GET", "/api/v1/me", nil); r.status != http.StatusOK || !strings.Contains(string(r.body), `"admin"`) {
		t.Fatalf("session of server A on server B: %d %s", r.status, r.body)
	}
	var tok struct{ Token string }
	client{t: t, base: b}.do("POST", "/api/v1/tokens", map[string]string{"username": "admin", "password": testConfig().AdminPassword}).decode(t, &tok)
	if r := (client{t: t, base: a, token: tok.Token}).do("GET", "/api/v1/users", nil); r.status != http.StatusOK {
		t.Fatalf("token of server B on server A: %d %s", r.status, r.body)
	}
	out := withCookie(t, b, ck)
	out.hdr.Set("Sec-Fetch-Site", "same-origin")
	if r := out.do("POST", "/logout", nil); r.status != http.StatusSeeOther {
		t.Fatalf("logout on B: %d %s", r.status, r.body)
	}
	if r := withCookie(t, a, ck).do("GET", "/api/v1/me", nil); r.status != http.StatusUnauthorized {
		t.Errorf("session logged out on B still valid on A: %d %s", r.status, r.body)
	}
}

// postgresDSN is TEST_POSTGRES_DSN, or a skip (a failure under
// QX_REQUIRE_POSTGRES) as storetest decides.
func postgresDSN(t *testing.T) string {
	db := storetest.MustOpenPostgres(t) // skips or fails without a DSN
	db.Close()
	return getenv("TEST_POSTGRES_DSN")
}

// TestCrossOriginFormRefused checks CSRF protection: a form posted from
// another site is refused, whether it logs in or changes data with the
// victim's cookie, while the same form from the site itself passes.
func TestCrossOriginFormRefused(t *testing.T) {
	db := storetest.MustOpen(t)
	srv := start(t, db, testConfig(), webHooks())
	evil := http.Header{"Origin": {"https://evil.example"}, "Sec-Fetch-Site": {"cross-site"}}
	r := client{t: t, base: srv.url, hdr: evil}.do("POST", "/login", form("username", "admin", "password", testConfig().AdminPassword))
	if r.status != http.StatusForbidden {
		t.Errorf("cross-site login form: status %d, want 403: %s", r.status, r.body)
	}
	ck := browserLogin(t, srv.url, "admin", testConfig().AdminPassword)
	victim := withCookie(t, srv.url, ck)
	victim.hdr["Origin"], victim.hdr["Sec-Fetch-Site"] = evil["Origin"], evil["Sec-Fetch-Site"]
	if r := victim.do("PUT", "/api/v1/users/admin/disabled", map[string]bool{"disabled": true}); r.status != http.StatusForbidden {
		t.Errorf("cross-site write with the victim's cookie: status %d, want 403: %s", r.status, r.body)
	}
	noSite := withCookie(t, srv.url, ck)
	noSite.hdr.Set("Origin", "http://attacker.test")
	if r := noSite.do("POST", "/logout", nil); r.status != http.StatusForbidden {
		t.Errorf("logout posted with a foreign Origin: status %d, want 403", r.status)
	}
	if r := withCookie(t, srv.url, ck).do("GET", "/api/v1/me", nil); r.status != http.StatusOK {
		t.Errorf("the session should have survived the refused requests: %d", r.status)
	}
}

// clock is a movable clock shared by the server and the store.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// TestLoginThrottled fails a login N times, then finds even the right
// password refused with 429 until the window has passed.
func TestLoginThrottled(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		clk := &clock{t: time.Now()}
		db.SetClock(clk.now)
		cfg := testConfig()
		cfg.LoginFailures, cfg.LoginWindow = 3, 15*time.Minute
		srv := start(t, db, cfg, web.Hooks{Now: clk.now})
		c := client{t: t, base: srv.url}
		creds := func(pw string) map[string]string { return map[string]string{"username": "admin", "password": pw} }
		for i := range cfg.LoginFailures {
			if r := c.do("POST", "/api/v1/tokens", creds("Wrong-Pass-000")); r.status != http.StatusUnauthorized {
				t.Fatalf("failure %d: status %d, want 401: %s", i+1, r.status, r.body)
			}
		}
		r := c.do("POST", "/api/v1/tokens", creds(cfg.AdminPassword))
		if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") == "" {
			t.Fatalf("after %d failures the right password: status %d (Retry-After %q), want 429", cfg.LoginFailures, r.status, r.header.Get("Retry-After"))
		}
		bc := client{t: t, base: srv.url, hdr: http.Header{"Sec-Fetch-Site": {"same-origin"}}}
		if r := bc.do("POST", "/login", form("username", "admin", "password", cfg.AdminPassword)); r.status != http.StatusTooManyRequests {
			t.Errorf("browser login while throttled: status %d, want 429", r.status)
		}
		clk.advance(cfg.LoginWindow + time.Minute)
		if r := c.do("POST", "/api/v1/tokens", creds(cfg.AdminPassword)); r.status != http.StatusCreated {
			t.Errorf("after the window: status %d, want 201: %s", r.status, r.body)
		}
	})
}

// TestIdleSessionExpires leaves a session idle past the timeout: it is
// refused and its cookie cleared, while a session in use stays.
func TestIdleSessionExpires(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		clk := &clock{t: time.Now()}
		db.SetClock(clk.now)
		cfg := testConfig()
		cfg.IdleTimeout = 30 * time.Minute
		srv := start(t, db, cfg, web.Hooks{Now: clk.now})
		ck := browserLogin(t, srv.url, "admin", cfg.AdminPassword)
		me := func() response { return withCookie(t, srv.url, ck).do("GET", "/api/v1/me", nil) }
		for range 3 { // active use keeps the session alive past one timeout
			clk.advance(cfg.IdleTimeout - 5*time.Minute)
			if r := me(); r.status != http.StatusOK {
				t.Fatalf("session in use: status %d: %s", r.status, r.body)
			}
		}
		clk.advance(cfg.IdleTimeout + time.Minute)
		r := me()
		if r.status != http.StatusUnauthorized {
			t.Fatalf("idle session: status %d, want 401: %s", r.status, r.body)
		}
		if sc := r.header.Get("Set-Cookie"); !strings.Contains(sc, web.SessionCookie+"=;") {
			t.Errorf("idle session's cookie not cleared: Set-Cookie %q", sc)
		}
	})
}
