package e2e

import (
	"os"
	"sync"
	"testing"
)

// The tests share one demo server: seeding computes two runs.
var (
	demoOnce sync.Once
	demoSrv  *Server
	demoErr  error
	demoDir  string
)

// demo returns the shared demo server, started on first use.
func demo(t testing.TB) *Server {
	t.Helper()
	demoOnce.Do(func() {
		if demoDir, demoErr = os.MkdirTemp("", "qx-e2e-"); demoErr == nil {
			demoSrv, demoErr = StartDemo(demoDir)
		}
	})
	if demoErr != nil {
		t.Fatalf("starting the demo server: %v", demoErr)
	}
	return demoSrv
}

func TestMain(m *testing.M) {
	code := m.Run()
	if demoSrv != nil {
		demoSrv.Close()
	}
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}
