package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// oidcProvider is what the server knows of the configured OpenID provider:
// its discovery document and signing keys, fetched on first use and again
// an hour later (keys also when a token names an unknown one).
type oidcProvider struct {
	mu      sync.Mutex
	meta    oidcMeta
	keys    jose.JSONWebKeySet
	fetched time.Time
}

type oidcMeta struct {
	Issuer      string   `json:"issuer"`
	AuthURL     string   `json:"authorization_endpoint"`
	TokenURL    string   `json:"token_endpoint"`
	JWKSURL     string   `json:"jwks_uri"`
	AuthMethods []string `json:"token_endpoint_auth_methods_supported"`
}

func getJSON(ctx context.Context, c *http.Client, u string, v any) error {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(v)
}

// oidcMeta returns the discovery document, fetching it (and the keys)
// when missing, older than an hour, or when refresh asks for new keys.
func (s *Server) oidcMeta(ctx context.Context, refresh bool) (oidcMeta, jose.JSONWebKeySet, error) {
	p := &s.oidc
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.meta.Issuer != "" && !refresh && s.now().Sub(p.fetched) < time.Hour {
		return p.meta, p.keys, nil
	}
	var m oidcMeta
	issuer := strings.TrimRight(s.cfg.OIDCIssuer, "/")
	if err := getJSON(ctx, s.ssoHTTP(), issuer+"/.well-known/openid-configuration", &m); err != nil {
		return m, p.keys, err
	}
	if strings.TrimRight(m.Issuer, "/") != issuer || m.AuthURL == "" || m.TokenURL == "" || m.JWKSURL == "" {
		return m, p.keys, fmt.Errorf("discovery document of %s names issuer %q or lacks an endpoint", issuer, m.Issuer)
	}
	var ks jose.JSONWebKeySet
	if err := getJSON(ctx, s.ssoHTTP(), m.JWKSURL, &ks); err != nil {
		return m, p.keys, err
	}
	p.meta, p.keys, p.fetched = m, ks, s.now()
	return m, ks, nil
}

// oidcExchange trades the authorization code (with the PKCE verifier) for
// tokens and returns the ID token.
func (s *Server) oidcExchange(ctx context.Context, m oidcMeta, code, verifier string) (string, error) {
	form := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {s.ssoCallbackURL("oidc")},
		"client_id": {s.cfg.OIDCClientID}, "code_verifier": {verifier}}
	basic := s.cfg.OIDCClientSecret != "" && (len(m.AuthMethods) == 0 || slices.Contains(m.AuthMethods, "client_secret_basic"))
	if s.cfg.OIDCClientSecret != "" && !basic {
		form.Set("client_secret", s.cfg.OIDCClientSecret)
	}
	req, err := http.NewRequestWithContext(ctx, "POST", m.TokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	if basic {
		req.SetBasicAuth(url.QueryEscape(s.cfg.OIDCClientID), url.QueryEscape(s.cfg.OIDCClientSecret))
	}
	resp, err := s.ssoHTTP().Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var tok struct {
		IDToken string `json:"id_token"`
		Error   string `json:"error"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&tok); err != nil {
		return "", fmt.Errorf("token endpoint: %s: %w", resp.Status, err)
	}
	if resp.StatusCode != http.StatusOK || tok.IDToken == "" {
		return "", fmt.Errorf("token endpoint: %s %s", resp.Status, tok.Error)
	}
	return tok.IDToken, nil
}

// oidcVerify checks the ID token's RS256 or ES256 signature against the
// provider's keys and its claims (issuer, audience, expiry, nonce), and
// returns the claims.
func (s *Server) oidcVerify(ctx context.Context, raw, nonce string) (map[string]any, error) {
	jws, err := jose.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256, jose.ES256, jose.PS256})
	if err != nil {
		return nil, err
	}
	if len(jws.Signatures) != 1 {
		return nil, errors.New("ID token must carry one signature")
	}
	kid := jws.Signatures[0].Header.KeyID
	_, ks, err := s.oidcMeta(ctx, false)
	if err != nil {
		return nil, err
	}
	keys := ks.Key(kid)
	if len(keys) == 0 {
		if _, ks, err = s.oidcMeta(ctx, true); err != nil {
			return nil, err
		}
		keys = ks.Key(kid)
	}
	var payload []byte
	for _, k := range keys {
		if payload, err = jws.Verify(k.Key); err == nil {
			break
		}
	}
	if payload == nil {
		return nil, fmt.Errorf("ID token signature does not verify with key %q", kid)
	}
	var c map[string]any
	if err := json.Unmarshal(payload, &c); err != nil {
		return nil, err
	}
	now := float64(s.now().Unix())
	exp, _ := c["exp"].(float64)
	switch {
	case strings.TrimRight(fmt.Sprint(c["iss"]), "/") != strings.TrimRight(s.cfg.OIDCIssuer, "/"):
		return nil, fmt.Errorf("ID token issuer %v", c["iss"])
	case !slices.Contains(claimStrings(c, "aud"), s.cfg.OIDCClientID):
		return nil, fmt.Errorf("ID token audience %v", c["aud"])
	case exp == 0 || now > exp+60: // a minute of clock skew
		return nil, errors.New("ID token expired")
	case c["nonce"] != nonce:
		return nil, errors.New("ID token nonce does not match")
	}
	return c, nil
}

// claimStrings is a claim as a list of strings: a string is a list of one,
// a list keeps its string members, anything else is empty.
func claimStrings(c map[string]any, name string) []string {
	switch v := c[name].(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
