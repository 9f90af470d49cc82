package web

import (
	"context"
	"net/http"
	"net/http/httptest"
)

// warmPaths are the public pages most readers open first after a start.
var warmPaths = []string{"/", "/rankings", "/notice"}

// warm renders warmPaths once for an anonymous Chinese reader as soon as
// the server is ready, so that the first burst of readers after a start
// (or a replica joining) finds them in the page cache instead of waiting
// for their first computation. Failures only mean a colder cache.
func (s *Server) warm(ctx context.Context) {
	h := s.Handler()
	for _, p := range warmPaths {
		if ctx.Err() != nil {
			return
		}
		r := httptest.NewRequestWithContext(ctx, http.MethodGet, p, nil)
		r.RemoteAddr = "127.0.0.1:0"
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
}
