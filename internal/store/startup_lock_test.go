package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestStartupLock holds the start-up lock from several handles of one
// database, as several processes would: never two inside at once, and a
// waiter whose context ends gives up with an error while the lock is held.
func TestStartupLock(t *testing.T) {
	dsns := map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string { return filepath.Join(t.TempDir(), "q.db") },
		"postgres": func(t *testing.T) string {
			dsn := os.Getenv("TEST_POSTGRES_DSN")
			if dsn == "" {
				storetest.MustOpenPostgres(t) // skips, or fails under QX_REQUIRE_POSTGRES
			}
			return storetest.FreshSchema(t, dsn)
		},
	}
	for name, mk := range dsns {
		t.Run(name, func(t *testing.T) {
			dsn := mk(t)
			const handles = 4
			dbs := make([]*store.DB, handles)
			for i := range dbs {
				db, err := store.Open(ctx, dsn)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.Close() })
				dbs[i] = db
			}
			var inside, most, entered atomic.Int32
			var wg sync.WaitGroup
			for _, db := range dbs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					err := db.WithStartupLock(ctx, func(context.Context) error {
						n := inside.Add(1)
						for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
						}
						time.Sleep(20 * time.Millisecond)
						inside.Add(-1)
						entered.Add(1)
						return nil
					})
					if err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			if most.Load() != 1 || entered.Load() != handles {
				t.Errorf("at most %d inside at once, %d entered; want 1 and %d", most.Load(), entered.Load(), handles)
			}

			// A waiter gives up when its context ends; the holder's error
			// comes back as it is.
			held, release := make(chan struct{}), make(chan struct{})
			errHolder := errors.New("the holder's error")
			done := make(chan error)
			go func() {
				done <- dbs[0].WithStartupLock(ctx, func(context.Context) error {
					close(held)
					<-release
					return errHolder
				})
			}()
			<-held
			wctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
			defer cancel()
			if err := dbs[1].WithStartupLock(wctx, func(context.Context) error { return nil }); err == nil {
				t.Error("a second holder entered while the lock was held")
			}
			close(release)
			if err := <-done; !errors.Is(err, errHolder) {
				t.Errorf("holder's error %v, want %v", err, errHolder)
			}
			if err := dbs[1].WithStartupLock(ctx, func(context.Context) error { return nil }); err != nil {
				t.Errorf("after release: %v", err)
			}
		})
	}
}
