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

// UICatalogue is a copy of the pages' message catalogue: key → {zh, en}.
func UICatalogue() map[string][2]string {
	uiMu.RLock()
	defer uiMu.RUnlock()
	out := make(map[string][2]string, len(uiStrings))
	for k, v := range uiStrings {
		out[k] = v
	}
	return out
}
