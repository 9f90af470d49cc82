package web

import (
	"context"
	"testing"
)

// HoldImport takes one of the server's import slots, as a long import
// would, until the returned function is called.
func (s *Server) HoldImport(t testing.TB) (release func()) {
	t.Helper()
	ticket, err := s.acquireImport(context.Background(), "holder", "slow.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	return func() { s.releaseImport(ticket) }
}
