package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/config"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/web"
)

var ctx = context.Background()

// testConfig is the configuration tests start servers with.
func testConfig() config.Config {
	c := config.Default()
	c.Addr = "127.0.0.1:0"
	c.Demo = false
	c.AdminPassword = "Qx-Secret-2024!"
	c.ShutdownTimeout = 5 * time.Second
	return c
}

// quiet is a logger that drops everything below errors.
var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// server is a running Server on a loopback port.
type server struct {
	*web.Server
	url string
}

// start runs a Server of db on 127.0.0.1:0 until the test ends and waits
// until /healthz says it is ready.
func start(t testing.TB, db *store.DB, cfg config.Config, hooks web.Hooks) *server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return startOn(t, ln, db, cfg, hooks)
}

// startOn is start on a listener the test opened (to know its address
// before configuring the server, e.g. its public_url).
func startOn(t testing.TB, ln net.Listener, db *store.DB, cfg config.Config, hooks web.Hooks) *server {
	t.Helper()
	if hooks.Logger == nil {
		hooks.Logger = quiet
	}
	s := web.New(db, cfg, hooks)
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- s.Run(runCtx, ln) }()
	stopped := false
	t.Cleanup(func() {
		cancel()
		if !stopped {
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
		}
	})
	srv := &server{Server: s, url: "http://" + ln.Addr().String()}
	for i := 0; ; i++ {
		select {
		case err := <-done:
			stopped = true
			t.Fatalf("server stopped before it was ready: %v", err)
		default:
		}
		resp, err := http.Get(srv.url + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return srv
			}
		}
		if i > 6000 { // two minutes: seeding the demo is slow on a loaded machine
			t.Fatalf("server not ready: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// client calls the API as one user (token "" for anonymous).
type client struct {
	t     testing.TB
	base  string
	token string
	hdr   http.Header
}

// response is a status and a body.
type response struct {
	status int
	body   []byte
	header http.Header
}

func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decoding %s: %v", r.body, err)
	}
}

// do sends a request; body is JSON-encoded unless it is a *multipartBody
// or an io.Reader.
func (c client) do(method, path string, body any) response {
	c.t.Helper()
	var rd io.Reader
	ctype := ""
	switch b := body.(type) {
	case nil:
	case *multipartBody:
		rd, ctype = &b.buf, b.ctype
	case io.Reader:
		rd, ctype = b, "application/x-www-form-urlencoded"
	default:
		j, err := json.Marshal(b)
		if err != nil {
			c.t.Fatal(err)
		}
		rd, ctype = bytes.NewReader(j), "application/json"
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for k, v := range c.hdr {
		req.Header[k] = v
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return response{status: resp.StatusCode, body: b, header: resp.Header}
}

// noRedirect shows redirects to the test instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Timeout: time.Minute}

type multipartBody struct {
	buf   bytes.Buffer
	ctype string
}

// upload builds a multipart body with a file and form fields.
func upload(t testing.TB, name, content string, fields map[string]string) *multipartBody {
	t.Helper()
	m := &multipartBody{}
	w := multipart.NewWriter(&m.buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	f, err := w.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, content)
	w.Close()
	m.ctype = w.FormDataContentType()
	return m
}

// form encodes a browser form.
func form(kv ...string) io.Reader {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(kv[i] + "=" + kv[i+1])
	}
	return strings.NewReader(b.String())
}

// password is the password of every fixture account.
const password = "Fixture-Pass-2024"

var passwordHash = func() string {
	h, err := auth.HashPassword(password)
	if err != nil {
		panic(err)
	}
	return h
}()

// webHooks are the hooks of test servers: none but the quiet logger that
// start adds.
func webHooks() web.Hooks { return web.Hooks{} }

func getenv(k string) string { return os.Getenv(k) }
