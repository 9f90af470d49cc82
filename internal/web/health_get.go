package web

import (
	"context"
	"net/http"
	"time"
)

// healthGet answers 200 when the database is migrated, seeded and
// answering, else 503: a load balancer sends no traffic before that.
func (s *Server) healthGet(w http.ResponseWriter, r *http.Request) {
	status, body := http.StatusOK, map[string]any{"status": "ok", "db": string(s.db.Dialect())}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	switch {
	case !s.ready.Load():
		status, body["status"] = http.StatusServiceUnavailable, "starting"
	case s.db.Ping(ctx) != nil:
		status, body["status"] = http.StatusServiceUnavailable, "database unreachable"
	}
	if status != http.StatusOK {
		w.Header().Set("Retry-After", "5")
	}
	writeJSON(w, status, body)
}
