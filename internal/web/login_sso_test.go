package web_test

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/ssotest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// browser is a cookie-keeping client that follows redirects.
func browser(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	must(t, err)
	return &http.Client{Jar: jar}
}

func get(t *testing.T, c *http.Client, u string) (int, string) {
	t.Helper()
	resp, err := c.Get(u)
	must(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// me is the username and role of the browser's session, "" when none.
func me(t *testing.T, c *http.Client, base string) (string, string) {
	t.Helper()
	status, body := get(t, c, base+"/api/v1/me")
	if status != http.StatusOK {
		return "", ""
	}
	var v struct{ Username, Role string }
	json.Unmarshal([]byte(body), &v)
	return v.Username, v.Role
}

// TestSSO signs on through an OIDC provider and a CAS server started by
// the test, mapping their users to local accounts by configuration.
func TestSSO(t *testing.T) {
	idp := ssotest.NewOIDC(t, "qiangxian", "client-secret-1")
	cas := ssotest.NewCAS(t)
	db := storetest.MustOpen(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	cfg := testConfig()
	cfg.PublicURL = "http://" + ln.Addr().String()
	cfg.OIDCIssuer, cfg.OIDCClientID, cfg.OIDCClientSecret = idp.Issuer, "qiangxian", "client-secret-1"
	cfg.CASURL = cas.URL
	cfg.SSORoleClaim, cfg.SSORoleMap = "groups", "tongjiju=analyst,public=viewer"
	must(t, cfg.Validate())
	srv := startOn(t, ln, db, cfg, webHooks())
	base := srv.url
	hash, err := auth.HashPassword("Gansu-Pass-2024")
	must(t, err)
	for _, u := range []store.User{{Username: "zhang", Role: auth.RoleAnalyst}, {Username: "zhao", Role: auth.RoleViewer, Disabled: true}} {
		u.PasswordHash = hash
		_, err := db.CreateUser(ctx, store.Actor{Username: "test"}, u)
		must(t, err)
	}

	t.Run("login page offers both", func(t *testing.T) {
		_, body := get(t, browser(t), base+"/login")
		if !strings.Contains(body, `id="login-oidc"`) || !strings.Contains(body, `id="login-cas"`) {
			t.Errorf("login page lacks the single sign-on links")
		}
	})

	oidcCases := []struct {
		name, user string
		claims     map[string]any
		tamper     func(map[string]any)
		wantUser   string
		wantRole   string
	}{
		{"existing account", "zhang", nil, nil, "zhang", "analyst"},
		{"new account mapped by group", "wang", map[string]any{"groups": []string{"x", "tongjiju"}}, nil, "wang", "analyst"},
		{"new account, group as a string", "sun", map[string]any{"groups": "public"}, nil, "sun", "viewer"},
		{"no mapping, no default role", "li", map[string]any{"groups": []string{"other"}}, nil, "", ""},
		{"disabled account", "zhao", nil, nil, "", ""},
		{"wrong audience", "zhang", nil, func(c map[string]any) { c["aud"] = "someone-else" }, "", ""},
		{"wrong nonce", "zhang", nil, func(c map[string]any) { c["nonce"] = "replayed" }, "", ""},
		{"expired token", "zhang", nil, func(c map[string]any) { c["exp"] = 1000 }, "", ""},
		{"wrong issuer", "zhang", nil, func(c map[string]any) { c["iss"] = "http://evil.invalid" }, "", ""},
	}
	for _, tc := range oidcCases {
		t.Run("oidc "+tc.name, func(t *testing.T) {
			idp.SetUser(tc.user, tc.claims)
			idp.SetTamper(tc.tamper)
			defer idp.SetTamper(nil)
			b := browser(t)
			status, body := get(t, b, base+"/login/oidc?next="+url.QueryEscape("/api/v1/me"))
			user, role := me(t, b, base)
			if user != tc.wantUser || role != tc.wantRole {
				t.Errorf("signed on as %q %q, want %q %q (last page %d %.200s)", user, role, tc.wantUser, tc.wantRole, status, body)
			}
			if tc.wantUser == "" && status != http.StatusUnauthorized {
				t.Errorf("refused sign-on answered %d", status)
			}
		})
	}

	t.Run("oidc callback without its state", func(t *testing.T) {
		idp.SetUser("zhang", nil)
		b := browser(t)
		b.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		// The attacker's own authorization response, sent to the victim.
		resp, err := b.Get(base + "/login/oidc")
		must(t, err)
		resp.Body.Close()
		loc, _ := url.Parse(resp.Header.Get("Location"))
		other := browser(t)
		status, _ := get(t, other, base+"/login/oidc/callback?code=x&state="+loc.Query().Get("state"))
		if u, _ := me(t, other, base); status != http.StatusUnauthorized || u != "" {
			t.Errorf("callback without the state cookie: %d, user %q", status, u)
		}
	})

	t.Run("cas user mapped by attribute", func(t *testing.T) {
		cas.SetUser("U0001", map[string][]string{"preferred_username": {"zhang"}})
		b := browser(t)
		get(t, b, base+"/login/cas?next=/")
		if u, r := me(t, b, base); u != "zhang" || r != "analyst" {
			t.Errorf("CAS sign-on as %q %q", u, r)
		}
	})
	t.Run("cas new user by group", func(t *testing.T) {
		cas.SetUser("zhou", map[string][]string{"groups": {"a", "tongjiju"}})
		b := browser(t)
		get(t, b, base+"/login/cas")
		if u, r := me(t, b, base); u != "zhou" || r != "analyst" {
			t.Errorf("CAS sign-on as %q %q", u, r)
		}
	})
	t.Run("cas bad ticket", func(t *testing.T) {
		b := browser(t)
		b.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		resp, err := b.Get(base + "/login/cas")
		must(t, err)
		resp.Body.Close()
		b.CheckRedirect = nil
		status, _ := get(t, b, base+"/login/cas/callback?ticket=ST-forged")
		if u, _ := me(t, b, base); status != http.StatusUnauthorized || u != "" {
			t.Errorf("forged ticket: %d, user %q", status, u)
		}
	})
	t.Run("break-glass local login", func(t *testing.T) {
		b := browser(t)
		resp, err := b.PostForm(base+"/login", url.Values{"username": {"admin"}, "password": {testConfig().AdminPassword}, "next": {"/api/v1/me"}})
		must(t, err)
		resp.Body.Close()
		if u, r := me(t, b, base); u != "admin" || r != "admin" {
			t.Errorf("local admin login: %q %q", u, r)
		}
	})
	t.Run("audited", func(t *testing.T) {
		log, err := db.AuditLog(ctx, store.AuditFilter{Entity: "user"})
		must(t, err)
		count := map[string]int{}
		for _, e := range log {
			count[e.Action]++
		}
		// 5 sign-ons: zhang, wang, sun by OIDC, zhang, zhou by CAS; 8
		// refusals: li, zhao, 4 bad tokens, the callback without its
		// state, the forged ticket.
		if count["login_sso"] != 5 || count["login_sso_failed"] != 8 {
			t.Errorf("audit: %v", count)
		}
	})
	t.Run("disabled when not configured", func(t *testing.T) {
		plain := start(t, storetest.MustOpen(t), testConfig(), webHooks())
		if status, _ := get(t, browser(t), plain.url+"/login/oidc"); status != http.StatusNotFound {
			t.Errorf("unconfigured OIDC: %d", status)
		}
	})
}
