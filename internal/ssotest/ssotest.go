// Package ssotest runs small identity providers on loopback for tests: an
// OpenID Connect provider (discovery, authorization with PKCE, token,
// keys; ID tokens signed RS256 by hand with crypto/rsa, so that the
// server's JOSE library is checked against an independent signer) and a
// CAS 3.0 server (login and /p3/serviceValidate). Each "logs in" the user
// the test names, without a form, and checks what a real provider checks:
// the client, the redirect URI or service, the PKCE verifier, one use of
// each code or ticket.
package ssotest

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// OIDC is a running OpenID provider. Set User (and Claims) before the
// browser arrives; Issuer is its address.
type OIDC struct {
	Issuer       string
	ClientID     string
	ClientSecret string // "" for a public client (PKCE only)

	mu     sync.Mutex
	User   string         // the preferred_username of whoever logs in next
	Claims map[string]any // extra claims of the ID token (e.g. "groups")
	// Tamper, when set, changes the claims before signing (tests of
	// refused tokens: wrong audience, nonce, expired…).
	Tamper func(claims map[string]any)
	// Tokens counts the ID tokens issued.
	Tokens int

	key   *rsa.PrivateKey
	codes map[string]grant
}

type grant struct {
	clientID, redirect, challenge, nonce, user string
	claims                                     map[string]any
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// NewOIDC starts a provider on 127.0.0.1 until the test ends.
func NewOIDC(t testing.TB, clientID, clientSecret string) *OIDC {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &OIDC{ClientID: clientID, ClientSecret: clientSecret, key: key, codes: map[string]grant{}}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	p.Issuer = srv.URL
	mux.HandleFunc("GET /.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, map[string]any{"issuer": p.Issuer, "authorization_endpoint": p.Issuer + "/authorize",
			"token_endpoint": p.Issuer + "/token", "jwks_uri": p.Issuer + "/jwks",
			"response_types_supported": []string{"code"}, "id_token_signing_alg_values_supported": []string{"RS256"},
			"code_challenge_methods_supported":      []string{"S256"},
			"token_endpoint_auth_methods_supported": []string{"client_secret_basic", "none"}})
	})
	mux.HandleFunc("GET /jwks", func(w http.ResponseWriter, r *http.Request) {
		pub := p.key.PublicKey
		writeJSON(w, map[string]any{"keys": []map[string]string{{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "k1",
			"n": b64(pub.N.Bytes()), "e": b64(big.NewInt(int64(pub.E)).Bytes())}}})
	})
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	return p
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// SetTamper sets (nil: clears) the function that changes the claims of
// the next ID tokens before they are signed.
func (p *OIDC) SetTamper(f func(claims map[string]any)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.Tamper = f
}

// SetUser names who logs in next, with extra claims.
func (p *OIDC) SetUser(user string, claims map[string]any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.User, p.Claims = user, claims
}

func (p *OIDC) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("response_type") != "code" || q.Get("client_id") != p.ClientID || q.Get("code_challenge_method") != "S256" ||
		q.Get("code_challenge") == "" || q.Get("state") == "" || !strings.Contains(q.Get("scope"), "openid") {
		http.Error(w, "bad authorization request: "+r.URL.RawQuery, http.StatusBadRequest)
		return
	}
	code := make([]byte, 16)
	rand.Read(code)
	p.mu.Lock()
	p.codes[b64(code)] = grant{clientID: q.Get("client_id"), redirect: q.Get("redirect_uri"), challenge: q.Get("code_challenge"),
		nonce: q.Get("nonce"), user: p.User, claims: p.Claims}
	p.mu.Unlock()
	http.Redirect(w, r, q.Get("redirect_uri")+"?"+url.Values{"code": {b64(code)}, "state": {q.Get("state")}}.Encode(), http.StatusFound)
}

func (p *OIDC) token(w http.ResponseWriter, r *http.Request) {
	fail := func(e string) {
		w.WriteHeader(http.StatusBadRequest)
		writeJSON(w, map[string]string{"error": e})
	}
	id, secret, basic := r.BasicAuth()
	if !basic {
		id = r.PostFormValue("client_id")
	}
	if id != p.ClientID || (p.ClientSecret != "" && secret != p.ClientSecret) {
		fail("invalid_client")
		return
	}
	p.mu.Lock()
	g, ok := p.codes[r.PostFormValue("code")]
	delete(p.codes, r.PostFormValue("code")) // one use
	p.mu.Unlock()
	sum := sha256.Sum256([]byte(r.PostFormValue("code_verifier")))
	switch {
	case r.PostFormValue("grant_type") != "authorization_code" || !ok:
		fail("invalid_grant")
		return
	case g.redirect != r.PostFormValue("redirect_uri"):
		fail("invalid_grant: redirect_uri")
		return
	case b64(sum[:]) != g.challenge:
		fail("invalid_grant: PKCE verifier")
		return
	}
	now := time.Now().Unix()
	claims := map[string]any{"iss": p.Issuer, "sub": "sub-" + g.user, "aud": p.ClientID, "iat": now, "exp": now + 300,
		"nonce": g.nonce, "preferred_username": g.user}
	for k, v := range g.claims {
		claims[k] = v
	}
	p.mu.Lock()
	if p.Tamper != nil {
		p.Tamper(claims)
	}
	p.Tokens++
	p.mu.Unlock()
	writeJSON(w, map[string]any{"access_token": "at-" + g.user, "token_type": "Bearer", "expires_in": 300,
		"id_token": p.sign(claims)})
}

// sign makes a compact JWS with RS256 (RFC 7515, 7518 §3.3).
func (p *OIDC) sign(claims map[string]any) string {
	h, _ := json.Marshal(map[string]string{"alg": "RS256", "typ": "JWT", "kid": "k1"})
	c, _ := json.Marshal(claims)
	input := b64(h) + "." + b64(c)
	sum := sha256.Sum256([]byte(input))
	sig, err := rsa.SignPKCS1v15(rand.Reader, p.key, crypto.SHA256, sum[:])
	if err != nil {
		panic(err)
	}
	return input + "." + b64(sig)
}

// CAS is a running CAS 3.0 server; URL is its prefix.
type CAS struct {
	URL string

	mu      sync.Mutex
	User    string
	Attrs   map[string][]string // released attributes
	tickets map[string][2]string
}

// NewCAS starts a CAS server on 127.0.0.1 until the test ends.
func NewCAS(t testing.TB) *CAS {
	t.Helper()
	c := &CAS{tickets: map[string][2]string{}}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c.URL = srv.URL + "/cas"
	mux.HandleFunc("GET /cas/login", func(w http.ResponseWriter, r *http.Request) {
		service := r.URL.Query().Get("service")
		if service == "" {
			http.Error(w, "no service", http.StatusBadRequest)
			return
		}
		b := make([]byte, 12)
		rand.Read(b)
		ticket := "ST-" + b64(b)
		c.mu.Lock()
		c.tickets[ticket] = [2]string{service, c.User}
		c.mu.Unlock()
		http.Redirect(w, r, service+"?ticket="+url.QueryEscape(ticket), http.StatusFound)
	})
	mux.HandleFunc("GET /cas/p3/serviceValidate", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		c.mu.Lock()
		tk, ok := c.tickets[q.Get("ticket")]
		delete(c.tickets, q.Get("ticket"))
		attrs := c.Attrs
		c.mu.Unlock()
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		var b strings.Builder
		b.WriteString(`<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">`)
		if !ok || tk[0] != q.Get("service") {
			fmt.Fprintf(&b, `<cas:authenticationFailure code="INVALID_TICKET">Ticket %s not recognized</cas:authenticationFailure>`, html.EscapeString(q.Get("ticket")))
		} else {
			fmt.Fprintf(&b, `<cas:authenticationSuccess><cas:user>%s</cas:user><cas:attributes>`, html.EscapeString(tk[1]))
			for k, vs := range attrs {
				for _, v := range vs {
					fmt.Fprintf(&b, "<cas:%s>%s</cas:%s>", k, html.EscapeString(v), k)
				}
			}
			b.WriteString(`</cas:attributes></cas:authenticationSuccess>`)
		}
		b.WriteString(`</cas:serviceResponse>`)
		w.Write([]byte(b.String()))
	})
	return c
}

// SetUser names who logs in next and the attributes released.
func (c *CAS) SetUser(user string, attrs map[string][]string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.User, c.Attrs = user, attrs
}
