package web

import (
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// API clients send their token, browsers their session cookie, with every
// request. Looking either up (with its user) costs a query, and a session
// now and then a write; the server keeps what it found for authTTL
// instead, under the SHA-256 of the token, and uses it only while the
// change generation is the one it was found at.
//
// Revocation stays immediate, on every replica: revoking a token, logging
// out, disabling a user or changing her role or password is a change of
// record, which moves the generation in the same transaction; every
// request reads the generation (one single-row query, shared with the page
// cache), so the first request after the commit, on any replica, misses
// the cache and finds the token revoked or the session gone. An expired
// token or an idle session is refused from the cache by the clock. What is
// not immediate is only the last-use times kept in the database, which
// were already written at most once a minute and now lag by up to authTTL
// more. Any other change also empties the cache, at the cost of one lookup
// per caller.
const (
	authTTL    = 30 * time.Second
	maxCallers = 10000
)

// sessionSlack is how stale a session's last_seen may be after
// store.DB.SessionUser accepted it (the store refreshes it once a minute):
// the cache counts the idle time from that much before it looked.
const sessionSlack = time.Minute

type authCache struct {
	mu      sync.Mutex
	entries map[string]authEntry // by kind and auth.HashToken
}

type authEntry struct {
	user    store.User
	expires time.Time // when the token expires or the session may have been idle too long; zero for never
	gen     int64     // the generation it was found at
	at      time.Time // when it was found
}

func newAuthCache() *authCache { return &authCache{entries: map[string]authEntry{}} }

// tokenUser returns the user of an API token: store.ErrNotFound for a
// revoked or unknown token or a disabled user, store.ErrExpired for an
// expired one.
func (s *Server) tokenUser(r *http.Request, token string) (store.User, error) {
	return s.cachedCaller(r, "token:", token, func() (store.User, time.Time, error) {
		u, k, err := s.db.APITokenUser(r.Context(), token)
		return u, k.ExpiresAt, err
	})
}

// sessionUser returns the user of a browser session: store.ErrNotFound for
// an unknown session or a disabled user, store.ErrExpired for one idle too
// long.
func (s *Server) sessionUser(r *http.Request, token string) (store.User, error) {
	return s.cachedCaller(r, "session:", token, func() (store.User, time.Time, error) {
		u, err := s.db.SessionUser(r.Context(), token, s.cfg.IdleTimeout)
		return u, s.now().Add(s.cfg.IdleTimeout - sessionSlack), err
	})
}

// cachedCaller returns the cached user of a credential, or looks it up
// with find (which also says when it stops being valid) and keeps it.
func (s *Server) cachedCaller(r *http.Request, kind, secret string, find func() (store.User, time.Time, error)) (store.User, error) {
	gen, err := s.generation(r)
	if err != nil {
		return store.User{}, err
	}
	key := kind + auth.HashToken(secret)
	now := s.now()
	ac := s.caches.callers
	ac.mu.Lock()
	e, ok := ac.entries[key]
	ac.mu.Unlock()
	if ok && e.gen == gen && now.Sub(e.at) < authTTL && now.Sub(e.at) >= 0 && (e.expires.IsZero() || now.Before(e.expires)) {
		return e.user, nil
	}
	// Not cached, stale, or past its time: the store decides (and deletes
	// an idle session).
	u, expires, err := find()
	if err != nil {
		if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrExpired) {
			ac.mu.Lock()
			delete(ac.entries, key)
			ac.mu.Unlock()
		}
		return u, err
	}
	if !expires.IsZero() && !now.Before(expires) {
		return u, nil // valid now, by the store's word, but not for long: not kept
	}
	ac.mu.Lock()
	if len(ac.entries) >= maxCallers {
		clear(ac.entries) // start over rather than track recency: callers in use come back at once
	}
	ac.entries[key] = authEntry{user: u, expires: expires, gen: gen, at: now}
	ac.mu.Unlock()
	return u, nil
}
