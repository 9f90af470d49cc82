package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// SessionCookie is the name of the browser session's cookie.
const SessionCookie = "qx_session"

// caller is who makes a request: a user from a session or an API token, or
// nobody (auth.Anonymous).
type caller struct {
	user    store.User
	session string    // the session token, for logout; "" for API tokens
	duty    auth.Duty // an administrator's duty under three-admin separation
}

func (c *caller) anonymous() bool { return c.user.Username == "" }

// principal is the caller as auth.Can sees her.
func (c *caller) principal() auth.User {
	if c.anonymous() {
		return auth.Anonymous
	}
	p := c.user.Principal()
	if p.Role == auth.RoleAdmin {
		p.Duty = c.duty
	}
	return p
}

// actor is the caller as the audit log names her.
func (c *caller) actor() store.Actor { return store.Actor{Username: c.user.Username} }

type ctxKey int

const (
	callerKey ctxKey = iota
	infoKey
	genKey     // *genCell: the change generation, read at most once a request
	captureKey // *pageCapture: the parts a cached page rendered
)

func callerOf(r *http.Request) *caller {
	if c, ok := r.Context().Value(callerKey).(*caller); ok {
		return c
	}
	return &caller{}
}

// reqInfo is what the request log learns from the inner layers.
type reqInfo struct {
	status int
	bytes  int64
	user   string
}

type recorder struct {
	http.ResponseWriter
	info *reqInfo
}

func (w *recorder) WriteHeader(code int) {
	if w.info.status == 0 {
		w.info.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) Write(b []byte) (int, error) {
	if w.info.status == 0 {
		w.info.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.info.bytes += int64(n)
	return n, err
}

func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests writes one log line per request.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &reqInfo{}
		next.ServeHTTP(&recorder{w, info}, r.WithContext(context.WithValue(r.Context(), infoKey, info)))
		level := slog.LevelInfo
		if r.URL.Path == "/healthz" {
			level = slog.LevelDebug
		}
		s.log.LogAttrs(r.Context(), level, "request", slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", info.status), slog.Int64("bytes", info.bytes), slog.Duration("took", time.Since(start)),
			slog.String("user", info.user), slog.String("remote", s.remote(r)))
	})
}

// recoverPanics turns a handler's panic into a logged 500.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.writeError(w, r, fmt.Errorf("panic: %v\n%s", p, debug.Stack()))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// securityHeaders sets the headers every response carries: no sniffing, no
// framing, no referrer leaving the site, nothing loaded from elsewhere, and
// API responses that caches must not keep (they depend on the login).
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'")
		h.Set("Cache-Control", "no-store")
		if r.TLS != nil || s.cfg.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https" {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// readyGate answers 503 until the database is migrated and seeded; only
// /healthz passes, to say so.
func (s *Server) readyGate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.ready.Load() && r.URL.Path != "/healthz" {
			w.Header().Set("Retry-After", "5")
			s.writeError(w, r, errorf(EUnavailable, "web.unavailable"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// authenticate finds the caller: an API token in Authorization: Bearer, or
// else a session cookie. A bad or expired bearer token is refused outright
// (the client meant to log in); a stale cookie just makes the caller
// anonymous and is cleared.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &caller{}
		ctx := context.WithValue(r.Context(), genKey, &genCell{})
		r = r.WithContext(ctx)
		if h := r.Header.Get("Authorization"); h != "" && r.URL.Path != "/healthz" {
			token, ok := strings.CutPrefix(h, "Bearer ")
			var u store.User
			var err error
			if ok {
				u, err = s.tokenUser(r, strings.TrimSpace(token))
			}
			if !ok || err != nil {
				if ok && !errors.Is(err, store.ErrNotFound) && !errors.Is(err, store.ErrExpired) {
					s.writeError(w, r, err)
					return
				}
				s.writeError(w, r, errorf(EUnauthenticated, "web.expired"))
				return
			}
			c.user = u
		} else if ck, err := r.Cookie(SessionCookie); err == nil && ck.Value != "" && r.URL.Path != "/healthz" {
			u, err := s.sessionUser(r, ck.Value)
			switch {
			case err == nil:
				c.user, c.session = u, ck.Value
			case errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrExpired):
				s.clearCookie(w, r)
			default:
				s.writeError(w, r, err)
				return
			}
		}
		c.duty = s.cfg.AdminDuty(c.user.Username)
		if info, ok := ctx.Value(infoKey).(*reqInfo); ok {
			info.user = c.user.Username
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, callerKey, c)))
	})
}

// remote is the client's address: the first X-Forwarded-For hop behind a
// trusted proxy, else the connection's peer.
func (s *Server) remote(r *http.Request) string {
	if s.cfg.TrustProxy {
		if f := r.Header.Get("X-Forwarded-For"); f != "" {
			first, _, _ := strings.Cut(f, ",")
			return strings.TrimSpace(first)
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// secure reports whether the session cookie must be Secure: when the
// request came over TLS, directly or through a trusted proxy.
func (s *Server) secure(r *http.Request) bool {
	switch s.cfg.CookieSecure {
	case "always":
		return true
	case "never":
		return false
	}
	return r.TLS != nil || s.cfg.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https"
}

func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
}

func (s *Server) clearCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
}
