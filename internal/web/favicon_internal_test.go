package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestFavicon: the browsers' /favicon.ico leads to the embedded SVG icon,
// served as SVG, instead of a 404.
func TestFavicon(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", (&Server{}).staticGet())
	mux.HandleFunc("GET /favicon.ico", faviconGet)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	res, err := http.Get(srv.URL + "/favicon.ico")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Request.URL.Path != "/static/favicon.svg" ||
		!strings.HasPrefix(res.Header.Get("Content-Type"), "image/svg+xml") || !strings.Contains(string(body), "<svg") {
		t.Fatalf("/favicon.ico: %d at %s, %q, %d bytes", res.StatusCode, res.Request.URL, res.Header.Get("Content-Type"), len(body))
	}
}
