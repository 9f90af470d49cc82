package web_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/web"
)

// demoTemplates holds, per demo options, a SQLite file into which the demo
// was loaded once in this test process: a demo site copies it rather than
// loading the demo again (some four CPU-seconds a site, for some fifty
// sites). The copy is the store as the server's first start leaves it
// (fill: the demo, then the administrator if the demo has none).
var demoTemplates struct {
	sync.Mutex
	dir   string
	files map[string]string
}

// demoStore returns a fresh store holding the demo loaded with opts and
// the administrator's password pw, in tb's temporary folder.
func demoStore(tb testing.TB, opts seed.Options, pw string) *store.DB {
	tb.Helper()
	opts.AdminPassword = pw
	src, err := demoTemplate(opts)
	if err != nil {
		tb.Fatalf("the demo template: %v", err)
	}
	path := filepath.Join(tb.TempDir(), "data", "qiangxian.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		tb.Fatal(err)
	}
	b, err := os.ReadFile(src)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		tb.Fatal(err)
	}
	db, err := store.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// demoTemplate returns the template file of opts, loading the demo into a
// new one the first time.
func demoTemplate(opts seed.Options) (string, error) {
	demoTemplates.Lock()
	defer demoTemplates.Unlock()
	key := fmt.Sprintf("%+v", opts)
	if f, ok := demoTemplates.files[key]; ok {
		return f, nil
	}
	if demoTemplates.dir == "" {
		dir, err := os.MkdirTemp("", "qx-web-demo-")
		if err != nil {
			return "", err
		}
		demoTemplates.dir, demoTemplates.files = dir, map[string]string{}
	}
	path := filepath.Join(demoTemplates.dir, fmt.Sprintf("demo-%d.db", len(demoTemplates.files)))
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		return "", err
	}
	err = db.Migrate(ctx)
	if err == nil {
		_, err = seed.LoadDemoOpts(ctx, db, opts)
	}
	if err == nil {
		if _, err = db.User(ctx, web.AdminUsername); errors.Is(err, store.ErrNotFound) {
			_, err = web.CreateAdmin(ctx, db, opts.AdminPassword)
		}
	}
	// Closing the last connection checkpoints the write-ahead log into
	// the file, which is then whole.
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	demoTemplates.files[key] = path
	return path, nil
}

// TestMain removes the demo templates after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if demoTemplates.dir != "" {
		os.RemoveAll(demoTemplates.dir)
	}
	os.Exit(code)
}
