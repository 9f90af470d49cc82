package loadtest_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/config"
	"github.com/qiangxian/qiangxian/internal/loadtest"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/web"
)

// TestPagesOfTheDemo serves the demo and measures every standard target a
// few times with the callers Setup makes: each answers 200 every time, so
// scripts/loadtest.sh measures pages and not error pages.
func TestPagesOfTheDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := storetest.MustOpen(t)
	cfg := config.Default()
	cfg.AdminPassword = "Qx-Load-Test-2026!"
	cfg.ShutdownTimeout = 5 * time.Second
	s := web.New(db, cfg, web.Hooks{Seed: seed.LoadDemo, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	defer func() { cancel(); <-done }()
	base := "http://" + ln.Addr().String()
	for i := 0; ; i++ {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if i > 3000 {
			t.Fatalf("the server is not ready: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	client := &http.Client{Timeout: time.Minute}
	run, err := loadtest.PublishedRun(ctx, client, base)
	if err != nil {
		t.Fatal(err)
	}
	callers, err := loadtest.Setup(ctx, client, base, cfg.AdminPassword, "620102")
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range loadtest.Pages(run, "620102", "total", callers) {
		res := loadtest.Measure(ctx, client, base, target, loadtest.Options{Clients: 2, Requests: 4, Duration: time.Minute})
		if res.N != 4 || res.Errors != 0 {
			t.Errorf("%s: %d answered, %d failed (%s)", target.Name, res.N, res.Errors, res.FirstError)
		}
	}
}
