package web

import (
	"context"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/config"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestWarmFillsThePageCache starts a server on an empty database and finds
// the public pages of warmPaths in its page cache once it is ready,
// without any request from outside.
func TestWarmFillsThePageCache(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cfg := config.Default()
	cfg.Demo = false
	cfg.AdminPassword = "Qx-Secret-2024!"
	cfg.ShutdownTimeout = 5 * time.Second
	s := New(db, cfg, Hooks{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if n := s.caches.pages.pages.len(); n != 0 {
		t.Fatalf("a new server holds %d cached pages", n)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	deadline := time.Now().Add(30 * time.Second)
	for s.caches.pages.pages.len() < len(warmPaths) {
		if time.Now().After(deadline) {
			t.Fatalf("ready %v, %d pages cached after 30 s, want %d", s.Ready(), s.caches.pages.pages.len(), len(warmPaths))
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
}
