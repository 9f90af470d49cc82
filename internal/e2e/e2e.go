// Package e2e drives the real server in a real browser: a web.Server on
// 127.0.0.1:0 over a temporary SQLite database seeded with the Gansu demo,
// and Debian's Chromium through chromedp. Its helpers start both, log in,
// resize the window, check for horizontal overflow and save screenshots;
// the tests of the browser pages use them.
//
// Without Chromium the tests skip — except in CI (CI=true), where they
// fail: .ci/run installs chromium, fonts-noto-cjk and poppler-utils.
package e2e

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/qiangxian/qiangxian/internal/config"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/web"
)

// AdminPassword is the demo administrator's password in these tests.
const AdminPassword = "Qx-E2e-Secret-2024!"

// Server is a running server of the Gansu demo.
type Server struct {
	URL   string // http://127.0.0.1:PORT
	DB    *store.DB
	Clock *Clock // the server's and the store's clock: the real time, moved on by a test
	stop  func()
}

// Clock is the real time plus an offset that a test moves forward, to let
// a 公示 window close (issue 12) without waiting for it.
type Clock struct {
	mu     sync.Mutex
	offset time.Duration
}

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.offset += d
	c.mu.Unlock()
}

// Close stops the server and closes its database.
func (s *Server) Close() { s.stop() }

// StartDemo starts a server on a fresh SQLite database in dir, seeded by
// seed.LoadDemo (the 2021 and 2022 runs published), and waits until it is
// ready. Seeding computes two runs, so tests share one server (TestMain).
func StartDemo(dir string) (*Server, error) {
	ctx, cancel := context.WithCancel(context.Background())
	db, err := store.Open(ctx, filepath.Join(dir, "qiangxian.db"))
	if err != nil {
		cancel()
		return nil, err
	}
	cfg := config.Default()
	cfg.Addr, cfg.Demo, cfg.AdminPassword = "127.0.0.1:0", true, AdminPassword
	cfg.ShutdownTimeout = 5 * time.Second
	cfg.LoginFailures = 1000 // many tests log in from one address
	clock := &Clock{}
	db.SetClock(clock.Now)
	srv := web.New(db, cfg, web.Hooks{Seed: seed.LoadDemo, Now: clock.Now,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		cancel()
		db.Close()
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln) }()
	s := &Server{URL: "http://" + ln.Addr().String(), DB: db, Clock: clock, stop: func() {
		cancel()
		<-done
		db.Close()
	}}
	deadline := time.Now().Add(3 * time.Minute)
	for {
		resp, err := http.Get(s.URL + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		select {
		case err := <-done:
			cancel()
			db.Close()
			return nil, err
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.Close()
			return nil, context.DeadlineExceeded
		}
	}
}

// RequireChromium returns the browser (web.ChromiumPath, which
// $QIANGXIAN_CHROMIUM overrides). Without one it skips t, or fails it in
// CI, where the browser tests must run.
func RequireChromium(t testing.TB) string {
	t.Helper()
	p := web.ChromiumPath()
	if p == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium is not installed, and CI must run the browser tests (apt-get install chromium fonts-noto-cjk)")
		}
		t.Skip("Chromium is not installed (apt-get install chromium fonts-noto-cjk)")
	}
	return p
}

// Browser starts a fresh Chromium for t (its own profile) and returns a
// tab's context, closed when t ends. Run each step with Do or Eval, which
// bound it with a timeout.
func Browser(t testing.TB) context.Context {
	t.Helper()
	exe := RequireChromium(t)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), web.ChromiumOptions(exe, t.TempDir())...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// Do runs steps in the tab with a minute's timeout and fails t on error.
func Do(t testing.TB, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(tctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// Eval evaluates a JavaScript expression in the page and returns its value.
func Eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(tctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// Login logs in through the login form as username and waits for the
// page it leads to.
func Login(t testing.TB, ctx context.Context, base, username, password string) {
	t.Helper()
	Do(t, ctx, "log in as "+username,
		chromedp.Navigate(base+"/login?next=/"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=username]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), username),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), password),
		// The login page is ready too: unmark it, so that the wait below
		// is for the page the login leads to, not for this one.
		chromedp.Evaluate[chromedp.Void](`document.body.removeAttribute("data-ready")`),
		chromedp.Submit(chromedp.CSS(`input[name=password]`)),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)),
	)
}

// Open navigates to url at width×900 CSS pixels and waits for the page's
// script to have run (body[data-ready]).
func Open(t testing.TB, ctx context.Context, url string, width int) {
	t.Helper()
	Do(t, ctx, "open "+url,
		chromedp.EmulateViewport(int64(width), 900),
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)),
	)
}

// Overflow returns how many CSS pixels the page is wider than the window
// (0 when it does not scroll sideways).
func Overflow(t testing.TB, ctx context.Context) int {
	t.Helper()
	return Eval[int](t, ctx, `Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)`)
}

// Count returns how many elements match a CSS selector.
func Count(t testing.TB, ctx context.Context, selector string) int {
	t.Helper()
	return Eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll(%q).length`, selector))
}

// Artifacts is the folder for screenshots: $QX_ARTIFACTS, created if need
// be, else a temporary folder of t.
func Artifacts(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("QX_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// shotTaken is set once a screenshot was taken in this process.
var shotTaken atomic.Bool

// Screenshot saves the whole page as dir/name.png and returns the path.
// Without QX_ARTIFACTS the screenshots would go with the test's temporary
// folder, unseen: it then takes only the process's first one (which shows
// that they work: a PNG is checked) and returns "". A full-page screenshot
// costs about a third of a browser test's time.
func Screenshot(t testing.TB, ctx context.Context, dir, name string) string {
	t.Helper()
	if os.Getenv("QX_ARTIFACTS") == "" && shotTaken.Load() {
		return ""
	}
	shotTaken.Store(true)
	tctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || len(png) < 1000 {
		t.Fatalf("screenshot %s: %d bytes, not a PNG", name, len(png))
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// RequireTool returns the path of a command the tests need (pdftotext from
// poppler-utils); without it it skips t, or fails it in CI.
func RequireTool(t testing.TB, name, aptPackage string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed, and CI must run this test (apt-get install %s)", name, aptPackage)
		}
		t.Skipf("%s is not installed (apt-get install %s)", name, aptPackage)
	}
	return p
}

// Download clicks the link selector in the page, as a person would, and
// waits for the browser to report the download complete; it returns the
// saved file's path. The browser's own completion event is the signal, not
// the folder: Chromium creates the final name, empty, before it has
// written the file (NAME.crdownload is renamed onto it at the end), so a
// file that merely exists may still be empty.
func Download(t testing.TB, ctx context.Context, selector string) string {
	t.Helper()
	dir := t.TempDir()
	allow := true
	Do(t, ctx, "allow downloads", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: &allow})
		return err
	}))
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	type finished struct {
		state browser.DownloadProgressState
		path  string
	}
	var mu sync.Mutex
	names := map[string]string{} // GUID → suggested file name
	done := make(chan finished, 1)
	if err := chromedp.ListenBrowser(lctx, func(ev any) {
		switch e := ev.(type) {
		case *browser.EventDownloadWillBegin:
			mu.Lock()
			names[e.GUID] = e.SuggestedFilename
			mu.Unlock()
		case *browser.EventDownloadProgress:
			if e.State == browser.DownloadProgressStateInProgress {
				return
			}
			mu.Lock()
			path := e.FilePath
			if path == "" && names[e.GUID] != "" {
				path = filepath.Join(dir, names[e.GUID])
			}
			mu.Unlock()
			select {
			case done <- finished{e.State, path}:
			default:
			}
		}
	}); err != nil {
		t.Fatalf("listening for the download: %v", err)
	}
	Do(t, ctx, "click "+selector, chromedp.Click(chromedp.CSS(selector)))
	select {
	case f := <-done:
		if f.state != browser.DownloadProgressStateCompleted {
			t.Fatalf("the download of %s ended %s", selector, f.state)
		}
		if f.path == "" {
			f.path = onlyFile(t, dir)
		}
		if fi, err := os.Stat(f.path); err != nil || fi.Size() == 0 {
			t.Fatalf("the download of %s completed, but its file %s is missing or empty (%v)", selector, f.path, err)
		}
		return f.path
	case <-time.After(90 * time.Second):
		t.Fatalf("the download of %s did not finish", selector)
	}
	return ""
}

// onlyFile returns the one finished file of the download folder dir.
func onlyFile(t testing.TB, dir string) string {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var found []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".crdownload") {
			found = append(found, filepath.Join(dir, e.Name()))
		}
	}
	if len(found) != 1 {
		t.Fatalf("the download folder holds %v, want one file", found)
	}
	return found[0]
}

// clickAndWait clicks selector and waits for the next page's script.
func clickAndWait(selector string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Evaluate[chromedp.Void](`document.body.removeAttribute("data-ready")`),
		chromedp.Click(chromedp.CSS(selector)),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)),
	)
}

// sendKeys types text into the field selector.
func sendKeys(selector, text string) chromedp.Action[chromedp.Void] {
	return chromedp.SendKeys(chromedp.CSS(selector), text)
}
