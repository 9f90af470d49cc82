package web

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// API clients send their token with every request. Looking it up (and
// its user) costs a query that, under load, waits for a connection like
// any other; the server keeps what it found for tokenTTL instead, under
// the SHA-256 of the token, and uses it only while the change generation
// is the one it was found at.
//
// Revocation stays immediate, on every replica: revoking a token (or
// disabling its user, or changing the user's role) is a change of record,
// which moves the generation in the same transaction; every request reads
// the generation (one single-row query, shared with the page cache), so
// the first request after the commit, on any replica, misses the cache
// and finds the token revoked. What is NOT immediate is only the token's
// last_used time, which was already written at most once a minute. Any
// other change also empties the token cache, at the cost of one lookup per
// token.
const (
	tokenTTL  = 30 * time.Second
	maxTokens = 10000
)

type tokenCache struct {
	mu      sync.Mutex
	entries map[string]tokenEntry // by auth.HashToken
}

type tokenEntry struct {
	user    store.User
	expires time.Time // the token's expiry; zero for none
	gen     int64     // the generation it was found at
	at      time.Time // when it was found
}

func newTokenCache() *tokenCache { return &tokenCache{entries: map[string]tokenEntry{}} }

// tokenUser returns the user of an API token: store.ErrNotFound for a
// revoked or unknown token or a disabled user, store.ErrExpired for an
// expired one.
func (s *Server) tokenUser(r *http.Request, token string) (store.User, error) {
	gen, err := s.generation(r)
	if err != nil {
		return store.User{}, err
	}
	h := auth.HashToken(token)
	now := s.now()
	tc := s.caches.tokens
	tc.mu.Lock()
	e, ok := tc.entries[h]
	tc.mu.Unlock()
	if ok && e.gen == gen && now.Sub(e.at) < tokenTTL && now.Sub(e.at) >= 0 {
		if !e.expires.IsZero() && !now.Before(e.expires) {
			return store.User{}, fmt.Errorf("%w: API token expired", store.ErrExpired)
		}
		return e.user, nil
	}
	u, k, err := s.db.APITokenUser(r.Context(), token)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrExpired) {
			tc.mu.Lock()
			delete(tc.entries, h)
			tc.mu.Unlock()
		}
		return u, err
	}
	tc.mu.Lock()
	if len(tc.entries) >= maxTokens {
		clear(tc.entries) // start over rather than track recency: tokens in use come back at once
	}
	tc.entries[h] = tokenEntry{user: u, expires: k.ExpiresAt, gen: gen, at: now}
	tc.mu.Unlock()
	return u, nil
}
