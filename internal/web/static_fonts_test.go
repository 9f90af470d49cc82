package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestEmbeddedFont: with the assets built (scripts/assets.sh, as CI does),
// the pages link the embedded Noto Sans SC stylesheet and every font file
// it names is served from the binary, so that Chinese renders on a reader
// without a Chinese system font and nothing comes from another host.
func TestEmbeddedFont(t *testing.T) {
	if !hasFonts {
		if os.Getenv("CI") == "true" {
			t.Fatal("the web font is not built in: run npm ci && scripts/assets.sh")
		}
		t.Skip("web font not built in (run npm ci && scripts/assets.sh)")
	}
	srv := httptest.NewServer((&Server{}).staticGet())
	defer srv.Close()
	res, err := http.Get(srv.URL + "/static/vendor/fonts/noto-sans-sc.css")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	css := string(body)
	files := regexp.MustCompile(`url\(\./(files/[^)]+\.woff2)\)`).FindAllStringSubmatch(css, -1)
	if res.StatusCode != http.StatusOK || len(files) < 100 || strings.Contains(css, "http") {
		t.Fatalf("font stylesheet: %d, %d font files named", res.StatusCode, len(files))
	}
	for _, f := range files {
		res, err := http.Get(srv.URL + "/static/vendor/fonts/" + f[1])
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "font/woff2" {
			t.Fatalf("%s: %d %q", f[1], res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
}
