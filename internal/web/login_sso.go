package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	locale.Register(map[string][2]string{
		"web.ssoOff":     {"未配置该统一身份认证方式", "this single sign-on method is not configured"},
		"web.ssoState":   {"统一身份认证已超时或不是从本系统发起，请重新登录", "the single sign-on timed out or was not started here; please log in again"},
		"web.ssoFailed":  {"统一身份认证未通过，原因已记入审计日志，请联系系统管理员", "single sign-on failed; the reason is in the audit log: ask the administrator"},
		"web.ssoNoUser":  {"统一身份认证账号 %s 在本系统没有对应账号，请联系管理员", "the single sign-on account %s has no account here; ask an administrator"},
		"web.ssoNoClaim": {"身份提供方未给出用户名（%s）", "the identity provider gave no username (%s)"},
	})
	registerUI(map[string][2]string{
		"login.oidc": {"统一身份认证登录（OIDC）", "Single sign-on (OIDC)"},
		"login.cas":  {"统一身份认证登录（CAS）", "Single sign-on (CAS)"},
		"login.or":   {"或使用本系统账号登录（管理员应急账号始终可用）：", "or log in with an account of this system (the administrators' break-glass login always works):"},
	})
}

// Single sign-on (OIDC in login_oidc.go, CAS in login_cas.go) keeps what
// it must find again at the callback in a short-lived cookie, signed as
// the login step tokens are (login_steps.go): the method, the OIDC state,
// nonce and PKCE verifier, and where to go afterwards.
const (
	ssoCookie = "qx_sso"
	ssoTTL    = 10 * time.Minute
)

type ssoState struct {
	Method   string `json:"m"`
	State    string `json:"s,omitempty"`
	Nonce    string `json:"n,omitempty"`
	Verifier string `json:"v,omitempty"`
	Next     string `json:"x"`
	Exp      int64  `json:"e"`
}

// randomToken is 32 random bytes, base64url: states, nonces, verifiers.
func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// pkceChallenge is the S256 code challenge of verifier (RFC 7636).
func pkceChallenge(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

func (s *Server) setSSOState(w http.ResponseWriter, r *http.Request, st ssoState) {
	st.Exp = s.now().Add(ssoTTL).Unix()
	b, _ := json.Marshal(st)
	p := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: ssoCookie, Value: p + "." + stepSign("sso."+p), Path: "/login/",
		MaxAge: int(ssoTTL / time.Second), HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
}

// readSSOState returns the state cookie of method, signed here and not
// expired, and clears it (each state is used once).
func (s *Server) readSSOState(w http.ResponseWriter, r *http.Request, method string) (ssoState, bool) {
	var st ssoState
	ck, err := r.Cookie(ssoCookie)
	if err != nil {
		return st, false
	}
	http.SetCookie(w, &http.Cookie{Name: ssoCookie, Value: "", Path: "/login/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
	p, sig, ok := strings.Cut(ck.Value, ".")
	if !ok || sig != stepSign("sso."+p) {
		return st, false
	}
	b, err := base64.RawURLEncoding.DecodeString(p)
	if err != nil || json.Unmarshal(b, &st) != nil || st.Method != method || s.now().Unix() > st.Exp {
		return st, false
	}
	return st, true
}

// ssoFail shows the login page with why the sign-on failed, and audits it.
func (s *Server) ssoFail(w http.ResponseWriter, r *http.Request, method, username, subject string, msg locale.Message, reason string) {
	if err := s.db.RecordSSOLogin(r.Context(), username, s.remote(r), method, subject, reason); err != nil {
		s.writeError(w, r, err)
		return
	}
	v := newLoginView(r)
	v.Error = msg.In(pageLang(r))
	s.renderLogin(w, r, http.StatusUnauthorized, v)
}

// ssoLogin starts a session for the local account that the identity
// provider's user maps to (login_sso.go's rules: the username claim names
// the account; a missing account is made with the role that sso_role_map
// or sso_default_role gives, or refused), audits it and goes to next.
func (s *Server) ssoLogin(w http.ResponseWriter, r *http.Request, method, subject, username string, roleValues []string, next string) {
	ctx := r.Context()
	u, err := s.db.User(ctx, username)
	if errors.Is(err, store.ErrNotFound) {
		role, ok := s.cfg.SSORole(roleValues)
		if !ok {
			s.ssoFail(w, r, method, username, subject, locale.M("web.ssoNoUser", username), "no local account")
			return
		}
		u, err = s.createSSOUser(r, method, username, role)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if u.Disabled {
		s.ssoFail(w, r, method, username, subject, locale.M("web.badlogin"), "account disabled")
		return
	}
	if err := s.db.RecordSSOLogin(ctx, u.Username, s.remote(r), method, subject, ""); err != nil {
		s.writeError(w, r, err)
		return
	}
	token, _, err := s.db.CreateSession(ctx, u.Username)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.setCookie(w, r, token)
	http.Redirect(w, r, safeNext(next), http.StatusSeeOther)
}

// createSSOUser makes the account of a first sign-on, with a random
// password nobody knows (the account logs in only through the provider
// until an administrator resets it).
func (s *Server) createSSOUser(r *http.Request, method, username string, role auth.Role) (store.User, error) {
	hash, err := auth.HashPassword(randomToken())
	if err != nil {
		return store.User{}, err
	}
	return s.db.CreateUser(r.Context(), store.Actor{Username: "sso:" + method}, store.User{Username: username, PasswordHash: hash, Role: role})
}

// ssoHTTP is the client of the back-channel calls to the provider.
func (s *Server) ssoHTTP() *http.Client {
	if s.hooks.HTTPClient != nil {
		return s.hooks.HTTPClient
	}
	return &http.Client{Timeout: 15 * time.Second}
}

// ssoCallbackURL is the address the provider sends the browser back to.
func (s *Server) ssoCallbackURL(method string) string {
	return strings.TrimRight(s.cfg.PublicURL, "/") + "/login/" + method + "/callback"
}
