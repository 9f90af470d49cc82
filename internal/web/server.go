// Package web is qiangxian's HTTP server: the JSON API under /api/v1/, the
// browser login, and /healthz. Every route is in routes.go, top to bottom;
// each handler is a function in a file named after its noun and verb that
// returns an error, which errors.go renders as JSON in the caller's
// language. Sessions, tokens and login attempts are in the database, and
// what the server keeps in memory (cache.go) is either immutable or checked
// against the database's change generation on every request, so several
// replicas can share one PostgreSQL.
package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/qiangxian/qiangxian/internal/config"
	"github.com/qiangxian/qiangxian/internal/store"
)

// SeedFunc loads the demonstration data and the administrator into an empty
// database (seed.LoadDemo); it returns the administrator's password when it
// generated one.
type SeedFunc func(ctx context.Context, db *store.DB, adminPassword string) (generated string, err error)

// Hooks are the optional collaborators of a Server.
type Hooks struct {
	Seed   SeedFunc         // nil: an empty database gets the administrator only
	Out    io.Writer        // where a generated administrator password is printed, once
	Logger *slog.Logger     // nil: slog.Default()
	Now    func() time.Time // the clock of login throttling; nil: time.Now
	// HTTPClient makes the back-channel calls of single sign-on (OIDC
	// discovery, keys and tokens; CAS ticket validation); nil: a client
	// with a 15 s timeout.
	HTTPClient *http.Client
}

// Server serves one database. Create it with New and start it with Run.
type Server struct {
	db    *store.DB
	cfg   config.Config
	hooks Hooks
	log   *slog.Logger
	now   func() time.Time
	ready atomic.Bool

	handlerOnce sync.Once
	handler     http.Handler
	published   resultCache
	caches      *caches // what the server keeps in memory between requests (cache.go)
	imports     importQueue
	mux         *http.ServeMux // the routes, for the metrics' route label
	metrics     metrics        // request latencies (metrics.go)
	oidc        oidcProvider   // the OpenID provider's metadata and keys (oidc_provider.go)
}

// New returns a server of db configured by cfg.
func New(db *store.DB, cfg config.Config, hooks Hooks) *Server {
	s := &Server{db: db, cfg: cfg, hooks: hooks, log: hooks.Logger, now: hooks.Now, caches: newCaches()}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.hooks.Out == nil {
		s.hooks.Out = io.Discard
	}
	return s
}

// Handler returns the server's handler with all its middleware.
func (s *Server) Handler() http.Handler {
	s.handlerOnce.Do(func() {
		pageSets() // parsed now rather than by the first request
		staticVersion()
		csrf := http.NewCrossOriginProtection()
		csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s.writeError(w, r, forbidden("cross-origin request"))
		}))
		routes := s.routes()
		s.mux, _ = routes.(*http.ServeMux)
		s.handler = s.logRequests(s.recoverPanics(s.securityHeaders(s.readyGate(csrf.Handler(s.authenticate(routes))))))
		if s.cfg.MetricsAddr != "" { // latencies are measured only when someone reads them
			s.handler = s.measure(s.handler)
		}
	})
	return s.handler
}

// Ready reports whether the database is migrated and seeded.
func (s *Server) Ready() bool { return s.ready.Load() }

// Run serves on ln until ctx is done, then shuts down gracefully. It starts
// answering at once (GET /healthz says 503) while it migrates the database
// and, when it is empty, seeds it; then it is ready. A failed migration or
// seed stops it with the error.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(ln) }()
	go func() {
		if err := s.prepare(ctx); err != nil {
			errc <- fmt.Errorf("web: preparing the database: %w", err)
			return
		}
		s.ready.Store(true)
		s.log.Info("ready", "addr", ln.Addr().String(), "db", string(s.db.Dialect()))
		s.warm(ctx)
	}()
	var err error
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ShutdownTimeout)
	defer cancel()
	if serr := srv.Shutdown(sctx); serr != nil && err == nil {
		err = serr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}
