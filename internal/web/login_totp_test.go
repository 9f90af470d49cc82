package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/web"
)

var stepRe = regexp.MustCompile(`name="step" value="([^"]+)"`)

// stepOf returns the step token of a login page, failing when there is none.
func stepOf(t *testing.T, r response) string {
	t.Helper()
	m := stepRe.FindStringSubmatch(string(r.body))
	if m == nil {
		t.Fatalf("no step token in the page (status %d): %.300s", r.status, r.body)
	}
	return m[1]
}

// TestLoginTOTPAndPasswordChange walks the login steps: password, then the
// TOTP code of an enrolled user (a wrong code and a replayed one refused),
// then, after password_max_age_days, a new password (one of the history
// refused) before the session starts.
func TestLoginTOTPAndPasswordChange(t *testing.T) {
	db := storetest.MustOpen(t)
	clk := &clock{t: time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)}
	db.SetClock(clk.now)
	cfg := testConfig()
	cfg.PasswordMaxAgeDays = 90
	srv := start(t, db, cfg, web.Hooks{Now: clk.now})
	// base32 of the RFC 6238 key "12345678901234567890".
	const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	if err := db.SetTOTP(ctx, store.System, "admin", secret); err != nil {
		t.Fatal(err)
	}
	code := func() string {
		c, err := auth.TOTPCode(secret, clk.now())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	wrongCode := func() string { // the right code with its last digit changed
		c := []byte(code())
		c[5] = '0' + (c[5]-'0'+1)%10
		return string(c)
	}
	pw := cfg.AdminPassword
	login := func() response {
		return postLogin(t, srv.url, "", url.Values{"username": {"admin"}, "password": {pw}, "next": {"/runs"}})
	}
	step := func(tok string, kv ...string) response {
		v := url.Values{"step": {tok}, "next": {"/runs"}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return postLogin(t, srv.url, "", v)
	}

	r := login()
	if r.status != http.StatusOK || !strings.Contains(string(r.body), `name="otp"`) {
		t.Fatalf("password step: %d, no code field", r.status)
	}
	tok := stepOf(t, r)
	if r = step(tok, "otp", wrongCode()); r.status != http.StatusUnauthorized || !strings.Contains(string(r.body), "动态口令错误") {
		t.Errorf("wrong code: %d", r.status)
	}
	if r = step(tok+"x", "otp", code()); r.status != http.StatusUnauthorized || !strings.Contains(string(r.body), "登录步骤已超时") {
		t.Errorf("tampered step token: %d", r.status)
	}
	good := code()
	if r = step(tok, "otp", good); r.status != http.StatusSeeOther || r.header.Get("Location") != "/runs" {
		t.Fatalf("right code: %d %q", r.status, r.header.Get("Location"))
	}
	if r = step(stepOf(t, login()), "otp", good); r.status != http.StatusUnauthorized {
		t.Errorf("replayed code: %d, want 401", r.status)
	}

	// 91 days on the password (set at start-up, 1 June) has passed its 90.
	clk.advance(91 * 24 * time.Hour)
	r = step(stepOf(t, login()), "otp", code())
	if r.status != http.StatusOK || !strings.Contains(string(r.body), `name="new_password"`) {
		t.Fatalf("expired password: %d, no new-password field", r.status)
	}
	tok = stepOf(t, r)
	if r = step(tok, "new_password", pw); r.status != http.StatusBadRequest || !strings.Contains(string(r.body), "5") {
		t.Errorf("old password again: %d", r.status)
	}
	if r = step(stepOf(t, r), "new_password", "Fresh-Pass-2026!"); r.status != http.StatusSeeOther {
		t.Fatalf("new password: %d %.300s", r.status, r.body)
	}
	pw = "Fresh-Pass-2026!"
	clk.advance(time.Minute) // the next code's step
	if r = step(stepOf(t, login()), "otp", code()); r.status != http.StatusSeeOther {
		t.Errorf("login with the new password: %d", r.status)
	}
}

// TestLoginTOTPRequiredForAdmin: with totp_admin an administrator who has
// not enrolled cannot log in, by form or for an API token.
func TestLoginTOTPRequiredForAdmin(t *testing.T) {
	cfg := testConfig()
	cfg.TOTPAdmin = true
	srv := start(t, storetest.MustOpen(t), cfg, webHooks())
	r := postLogin(t, srv.url, "", url.Values{"username": {"admin"}, "password": {cfg.AdminPassword}})
	if r.status != http.StatusForbidden || !strings.Contains(string(r.body), "qiangxian user totp") {
		t.Errorf("form: %d %.200s", r.status, r.body)
	}
	r = client{t: t, base: srv.url}.do("POST", "/api/v1/tokens", map[string]string{"username": "admin", "password": cfg.AdminPassword})
	if r.status != http.StatusForbidden {
		t.Errorf("API token: %d, want 403", r.status)
	}
}
