package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
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

// TestLoginThrottled walks the back-off of one (username, address) pair on
// a moved clock, with LoginFailures 3 and LoginWindow (the longest wait)
// 15 min: the right password works once each wait is over, the wait does
// not grow while attempts are refused, other addresses and other usernames
// are not held up, a flood from one address waits a minute, and every
// throttled attempt is in the audit log.
func TestLoginThrottled(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		clk := &clock{t: time.Now()}
		db.SetClock(clk.now)
		cfg := testConfig()
		cfg.LoginFailures, cfg.LoginWindow = 3, 15*time.Minute
		cfg.TrustProxy = true // the test's addresses come in X-Forwarded-For
		srv := start(t, db, cfg, web.Hooks{Now: clk.now})
		from := func(addr string) client {
			return client{t: t, base: srv.url, hdr: http.Header{"X-Forwarded-For": {addr}}}
		}
		a := from("10.0.0.1")
		creds := func(user, pw string) map[string]string { return map[string]string{"username": user, "password": pw} }
		wrong, right := creds("admin", "Wrong-Pass-000"), creds("admin", cfg.AdminPassword)
		fail := func(c client, n int) {
			t.Helper()
			for i := range n {
				if r := c.do("POST", "/api/v1/tokens", wrong); r.status != http.StatusUnauthorized {
					t.Fatalf("failure %d: status %d, want 401: %s", i+1, r.status, r.body)
				}
			}
		}
		expect := func(c client, body map[string]string, status int, retry string) {
			t.Helper()
			r := c.do("POST", "/api/v1/tokens", body)
			if r.status != status || r.header.Get("Retry-After") != retry {
				t.Fatalf("status %d, Retry-After %q; want %d, %q: %s", r.status, r.header.Get("Retry-After"), status, retry, r.body)
			}
		}

		// 3 failures are free; then the pair waits 2^(3−3) = 1 s after
		// the last one, even with the right password.
		fail(a, 3)
		expect(a, right, http.StatusTooManyRequests, "1")
		// Refused attempts are not counted: after ten of them the wait is
		// still 1 s from the last failure, and then the right password works
		// (and its success clears the pair's failures).
		for range 10 {
			expect(a, wrong, http.StatusTooManyRequests, "1")
		}
		bc := client{t: t, base: srv.url, hdr: http.Header{"Sec-Fetch-Site": {"same-origin"}, "X-Forwarded-For": {"10.0.0.1"}}}
		if r := bc.do("POST", "/login", form("username", "admin", "password", cfg.AdminPassword)); r.status != http.StatusTooManyRequests {
			t.Errorf("browser login while throttled: status %d, want 429", r.status)
		}
		clk.advance(time.Second)
		expect(a, right, http.StatusCreated, "")

		// 3 free failures, a 4th after the 1 s wait: now 2^(4−3) = 2 s.
		fail(a, 3)
		clk.advance(time.Second)
		fail(a, 1)
		clk.advance(time.Second)
		expect(a, right, http.StatusTooManyRequests, "1") // 2 s − 1 s
		// Meanwhile the same account from another address, and another
		// username from the same address, are checked as usual.
		expect(from("10.0.0.2"), right, http.StatusCreated, "")
		expect(a, creds("nobody", "Wrong-Pass-000"), http.StatusUnauthorized, "")
		// Failure n waits 2^(n−3) s: failures 5 … 13 wait 4, 8, …, 1024 s;
		// from the 13th on the wait is capped at 15 min = 900 s.
		for n := 5; n <= 13; n++ {
			clk.advance(time.Duration(1<<(n-1-3)) * time.Second) // the wait after failure n−1
			fail(a, 1)
		}
		expect(a, right, http.StatusTooManyRequests, "900")
		clk.advance(15 * time.Minute)
		expect(a, right, http.StatusCreated, "")

		// A flood over many usernames from one address: 20 × 3 = 60
		// failures within a minute make the address wait a minute.
		c := from("10.0.0.3")
		for i := range 60 {
			expect(c, creds(fmt.Sprintf("guess%d", i), "Wrong-Pass-000"), http.StatusUnauthorized, "")
		}
		expect(c, right, http.StatusTooManyRequests, "60")
		clk.advance(time.Minute + time.Second)
		expect(c, right, http.StatusCreated, "")

		// Every throttled attempt is in the audit log, with its address:
		// 1 + 10 + 1 (browser) + 1 + 1 for admin at 10.0.0.1 and 10.0.0.3.
		log, err := db.AuditLog(ctx, store.AuditFilter{Username: "admin"})
		if err != nil {
			t.Fatal(err)
		}
		throttled := map[string]int{}
		for _, e := range log {
			if e.Action == "login_throttled" {
				var d struct{ Remote string }
				json.Unmarshal(e.Detail, &d)
				throttled[d.Remote]++
			}
		}
		if diff := cmp.Diff(map[string]int{"10.0.0.1": 14, "10.0.0.3": 1}, throttled); diff != "" {
			t.Errorf("throttled logins in the audit log by address (-want +got):\n%s", diff)
		}
	})
}

// TestPasswordChangeThrottled guesses the current password of a self
// password change: throttled as a login is, on the same history, and in
// the audit log.
func TestPasswordChangeThrottled(t *testing.T) {
	db := storetest.MustOpen(t)
	clk := &clock{t: time.Now()}
	db.SetClock(clk.now)
	cfg := testConfig()
	cfg.LoginFailures = 3
	srv := start(t, db, cfg, web.Hooks{Now: clk.now})
	admin := client{t: t, base: srv.url, token: apiToken(t, srv.url, "admin", cfg.AdminPassword)}
	const pw = "Viewer-Pass-2025"
	if r := admin.do("POST", "/api/v1/users", map[string]string{"username": "vw", "password": pw, "role": "viewer"}); r.status != http.StatusCreated {
		t.Fatalf("create user: %d %s", r.status, r.body)
	}
	vw := client{t: t, base: srv.url, token: apiToken(t, srv.url, "vw", pw)}
	change := func(current string) response {
		return vw.do("PUT", "/api/v1/users/vw/password", map[string]string{"password": "Newer-Pass-2026", "current_password": current})
	}
	for i := range 3 {
		if r := change("Wrong-Pass-000"); r.status != http.StatusForbidden {
			t.Fatalf("wrong current password %d: status %d, want 403: %s", i+1, r.status, r.body)
		}
	}
	// 3 failures: the 4th check waits 2^0 = 1 s, whatever the password.
	if r := change(pw); r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") != "1" {
		t.Fatalf("4th check: status %d, Retry-After %q; want 429, 1: %s", r.status, r.header.Get("Retry-After"), r.body)
	}
	// A login of the same pair waits too: one history.
	if r := (client{t: t, base: srv.url}).do("POST", "/api/v1/tokens", map[string]string{"username": "vw", "password": pw}); r.status != http.StatusTooManyRequests {
		t.Errorf("login after 3 failed checks: status %d, want 429", r.status)
	}
	clk.advance(time.Second)
	if r := change(pw); r.status != http.StatusNoContent {
		t.Fatalf("after the wait: status %d, want 204: %s", r.status, r.body)
	}
	log, err := db.AuditLog(ctx, store.AuditFilter{Username: "vw"})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range log {
		count[e.Action]++
	}
	for action, want := range map[string]int{"password_check_failed": 3, "password_check_throttled": 1, "login_throttled": 1,
		"password_check_ok": 1, "refused": 3} {
		if count[action] != want {
			t.Errorf("%d %s in the audit log, want %d (all: %v)", count[action], action, want, count)
		}
	}
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

// apiToken logs in through the API and returns the token.
func apiToken(t *testing.T, base, user, pw string) string {
	t.Helper()
	var tok struct{ Token string }
	r := client{t: t, base: base}.do("POST", "/api/v1/tokens", map[string]string{"username": user, "password": pw})
	if r.status != http.StatusCreated {
		t.Fatalf("token for %s: status %d: %s", user, r.status, r.body)
	}
	r.decode(t, &tok)
	return tok.Token
}
