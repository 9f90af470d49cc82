package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/web"
)

// postLogin posts the login form as a same-origin browser would, with the
// page's query (?lang=) and the form's fields.
func postLogin(t *testing.T, base, query string, fields url.Values) response {
	t.Helper()
	c := client{t: t, base: base, hdr: http.Header{"Sec-Fetch-Site": {"same-origin"}, "Origin": {base}}}
	return c.do("POST", "/login"+query, strings.NewReader(fields.Encode()))
}

// TestLoginPage checks the login page: inside the layout, labelled fields
// with autofocus, next kept when it is a path of this site and replaced by
// / otherwise, in both languages.
func TestLoginPage(t *testing.T) {
	srv := start(t, storetest.MustOpen(t), testConfig(), webHooks())
	cases := []struct {
		name, path, next string
		want             []string
	}{
		{"chinese", "/login?next=%2Frankings%3Ftype%3D1", "/rankings?type=1",
			[]string{`<h1>登录</h1>`, `<label for="login-username">用户名</label>`, `<label for="login-password">密码</label>`,
				`class="menu"`, `autocomplete="current-password"`}},
		{"english", "/login?lang=en&next=/method", "/method",
			[]string{`<h1>Log in</h1>`, `<label for="login-username">Username</label>`, `action="/login?lang=en"`, `<html lang="en">`}},
		{"off-site next", "/login?next=%2F%2Fevil.example%2Fx", "/", []string{`<h1>登录</h1>`}},
		{"scheme next", "/login?next=https%3A%2F%2Fevil.example", "/", nil},
		{"backslash next", "/login?next=%2F%5Cevil.example", "/", nil},
		{"tab next", "/login?next=%2F%09%2Fevil.example", "/", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := client{t: t, base: srv.url}.do("GET", tc.path, nil)
			body := string(r.body)
			if r.status != http.StatusOK {
				t.Fatalf("GET %s: %d", tc.path, r.status)
			}
			if want := `name="next" value="` + tc.next + `"`; !strings.Contains(body, want) {
				t.Errorf("GET %s: no %s in the form", tc.path, want)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s lacks %s", tc.path, w)
				}
			}
			if n := strings.Count(body, "autofocus"); n != 1 {
				t.Errorf("GET %s: %d autofocus fields, want 1", tc.path, n)
			}
			if strings.Contains(body, `href="/login?next=`) {
				t.Errorf("GET %s: the login page links to itself", tc.path)
			}
		})
	}
}

// TestLoginErrors checks what a failed login shows, in the page's
// language: a wrong password, the throttle with its waiting time, and the
// successful login going to next (never off the site).
func TestLoginErrors(t *testing.T) {
	cfg := testConfig()
	cfg.LoginFailures, cfg.LoginWindow = 3, 15*time.Minute
	db := storetest.MustOpen(t)
	clk := &clock{t: time.Now()} // stands still: the back-off stays 1 s
	db.SetClock(clk.now)
	srv := start(t, db, cfg, web.Hooks{Now: clk.now})
	wrong := url.Values{"username": {"admin"}, "password": {"Wrong-Pass-000"}, "next": {"/runs"}}
	cases := []struct {
		name, query string
		status      int
		want        []string
	}{
		{"wrong password", "", http.StatusUnauthorized, []string{`role="alert"`, "用户名或密码错误", `value="admin"`}},
		{"wrong password, english", "?lang=en", http.StatusUnauthorized, []string{`role="alert"`, "wrong username or password", "Login failed"}},
		{"third failure", "", http.StatusUnauthorized, []string{"用户名或密码错误"}},
		// 3 failures, the free ones: the pair waits 2^0 = 1 s.
		{"throttled", "", http.StatusTooManyRequests, []string{`role="alert"`, "登录失败次数过多，请 1 秒后再试"}},
		{"throttled, english", "?lang=en", http.StatusTooManyRequests, []string{"wait 1 s and try again"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := postLogin(t, srv.url, tc.query, wrong)
			body := string(r.body)
			if r.status != tc.status {
				t.Errorf("status %d, want %d", r.status, tc.status)
			}
			for _, w := range append(tc.want, `name="next" value="/runs"`, `<main`) {
				if !strings.Contains(body, w) {
					t.Errorf("the page lacks %s", w)
				}
			}
			// After a failure the name is kept and the password has the focus.
			if !strings.Contains(body, `current-password" required autofocus`) {
				t.Error("the password field does not have the focus after a failure")
			}
		})
	}

	other := start(t, storetest.MustOpen(t), testConfig(), webHooks())
	for _, tc := range []struct{ next, location string }{
		{"/rankings?type=x", "/rankings?type=x"},
		{"//evil.example", "/"},
		{"/\t/evil.example", "/"},
		{"http://evil.example/", "/"},
	} {
		r := postLogin(t, other.url, "", url.Values{"username": {"admin"}, "password": {testConfig().AdminPassword}, "next": {tc.next}})
		if r.status != http.StatusSeeOther || r.header.Get("Location") != tc.location {
			t.Errorf("login with next %q: %d to %q, want %q", tc.next, r.status, r.header.Get("Location"), tc.location)
		}
	}
}

// TestLoginAfterIdle leaves a browser session idle past the timeout: the
// page she asks for sends her to the login, which says why.
func TestLoginAfterIdle(t *testing.T) {
	db := storetest.MustOpen(t)
	clk := &clock{t: time.Now()}
	db.SetClock(clk.now)
	cfg := testConfig()
	cfg.IdleTimeout = 30 * time.Minute
	srv := start(t, db, cfg, web.Hooks{Now: clk.now})
	ck := browserLogin(t, srv.url, "admin", cfg.AdminPassword)
	if r := withCookie(t, srv.url, ck).do("GET", "/admin/map", nil); r.status != http.StatusOK {
		t.Fatalf("GET /admin/map while logged in: %d", r.status)
	}
	clk.advance(cfg.IdleTimeout + time.Minute)
	r := withCookie(t, srv.url, ck).do("GET", "/admin/map", nil)
	loc := r.header.Get("Location")
	if r.status != http.StatusSeeOther || loc != "/login?next=%2Fadmin%2Fmap&expired=1" {
		t.Fatalf("GET /admin/map after idling: %d to %q", r.status, loc)
	}
	for _, tc := range []struct{ lang, want string }{{"", "登录已过期"}, {"&lang=en", "idle for too long"}} {
		r = client{t: t, base: srv.url}.do("GET", loc+tc.lang, nil)
		if r.status != http.StatusOK || !strings.Contains(string(r.body), tc.want) ||
			!strings.Contains(string(r.body), `name="next" value="/admin/map"`) {
			t.Errorf("GET %s: %d, want %q and next=/admin/map", loc+tc.lang, r.status, tc.want)
		}
	}
	if r := (client{t: t, base: srv.url}).do("GET", "/login", nil); strings.Contains(string(r.body), "登录已过期") {
		t.Error("a fresh login page says the login has expired")
	}
}
