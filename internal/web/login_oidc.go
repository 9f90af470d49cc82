package web

import (
	"net/http"
	"net/url"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// oidcStart (GET /login/oidc) sends the browser to the OpenID provider's
// authorization endpoint: the authorization code flow with PKCE (S256), a
// state and a nonce, all kept in the signed sso cookie.
func (s *Server) oidcStart(w http.ResponseWriter, r *http.Request) {
	if !s.cfg.OIDC() {
		s.writeError(w, r, errorf(ENotFound, "web.ssoOff"))
		return
	}
	m, _, err := s.oidcMeta(r.Context(), false)
	if err != nil {
		s.ssoFail(w, r, "oidc", "", "", locale.M("web.ssoFailed"), err.Error())
		return
	}
	st := ssoState{Method: "oidc", State: randomToken(), Nonce: randomToken(), Verifier: randomToken(), Next: safeNext(r.FormValue("next"))}
	s.setSSOState(w, r, st)
	u, err := url.Parse(m.AuthURL)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	q := u.Query()
	q.Set("response_type", "code")
	q.Set("client_id", s.cfg.OIDCClientID)
	q.Set("redirect_uri", s.ssoCallbackURL("oidc"))
	q.Set("scope", "openid profile")
	q.Set("state", st.State)
	q.Set("nonce", st.Nonce)
	q.Set("code_challenge", pkceChallenge(st.Verifier))
	q.Set("code_challenge_method", "S256")
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// oidcCallback (GET /login/oidc/callback) takes the provider's answer:
// checks the state against the cookie, trades the code and the PKCE
// verifier for an ID token, verifies it, and logs the mapped local
// account in (ssoLogin).
func (s *Server) oidcCallback(w http.ResponseWriter, r *http.Request) {
	if !s.cfg.OIDC() {
		s.writeError(w, r, errorf(ENotFound, "web.ssoOff"))
		return
	}
	st, ok := s.readSSOState(w, r, "oidc")
	q := r.URL.Query()
	if !ok || q.Get("state") != st.State {
		s.ssoFail(w, r, "oidc", "", "", locale.M("web.ssoState"), "state missing, expired or not matching")
		return
	}
	if e := q.Get("error"); e != "" {
		s.ssoFail(w, r, "oidc", "", "", locale.M("web.ssoFailed", e), "provider: "+e)
		return
	}
	ctx := r.Context()
	m, _, err := s.oidcMeta(ctx, false)
	var raw string
	if err == nil {
		raw, err = s.oidcExchange(ctx, m, q.Get("code"), st.Verifier)
	}
	var claims map[string]any
	if err == nil {
		claims, err = s.oidcVerify(ctx, raw, st.Nonce)
	}
	if err != nil {
		s.ssoFail(w, r, "oidc", "", "", locale.M("web.ssoFailed"), err.Error())
		return
	}
	sub, _ := claims["sub"].(string)
	name, _ := claims[s.cfg.SSOUsernameClaim].(string)
	if name == "" {
		s.ssoFail(w, r, "oidc", "", sub, locale.M("web.ssoNoClaim", s.cfg.SSOUsernameClaim), "no "+s.cfg.SSOUsernameClaim+" claim")
		return
	}
	s.ssoLogin(w, r, "oidc", sub, name, claimStrings(claims, s.cfg.SSORoleClaim), st.Next)
}
