package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestMetrics: with a metrics address set, each request is counted under
// its route pattern and status class, with cumulative buckets ending in
// +Inf = count; the import queue and the connection pool are reported.
func TestMetrics(t *testing.T) {
	db := storetest.MustOpen(t)
	cfg := testConfig()
	cfg.MetricsAddr = "127.0.0.1:0"
	srv := start(t, db, cfg, webHooks())
	c := client{t: t, base: srv.url}
	for range 2 {
		if r := c.do("GET", "/api/v1/units", nil); r.status != 200 {
			t.Fatalf("units: %d", r.status)
		}
	}
	c.do("GET", "/api/v1/units/nope", nil) // 404 under the same pattern family
	c.do("GET", "/no/such/page", nil)

	rec := httptest.NewRecorder()
	srv.MetricsHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	out := string(body)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("content type %q", ct)
	}
	for _, want := range []string{
		`qiangxian_http_request_duration_seconds_count{route="GET /api/v1/units",code="2xx"} 2`,
		`qiangxian_http_request_duration_seconds_bucket{route="GET /api/v1/units",code="2xx",le="+Inf"} 2`,
		`qiangxian_http_request_duration_seconds_count{route="GET /api/v1/units/{code}",code="4xx"} 1`,
		"# TYPE qiangxian_http_request_duration_seconds histogram",
		"qiangxian_ready 1",
		"qiangxian_import_running 0",
		"qiangxian_import_waiting 0",
		"# TYPE qiangxian_db_wait_count_total counter",
	} {
		if !strings.Contains(out, want+"\n") && !strings.Contains(out, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if m := regexp.MustCompile(`(?m)^qiangxian_db_open_connections (\d+)$`).FindStringSubmatch(out); m == nil || m[1] == "0" {
		t.Errorf("open connections: %v", m)
	}
	// Buckets are cumulative: never decreasing along le.
	prev := -1
	for _, m := range regexp.MustCompile(`route="GET /api/v1/units",code="2xx",le="[^"]+"} (\d+)`).FindAllStringSubmatch(out, -1) {
		n := 0
		for _, ch := range m[1] {
			n = n*10 + int(ch-'0')
		}
		if n < prev {
			t.Errorf("bucket counts decrease: %s", m[0])
		}
		prev = n
	}
	// Without a metrics address nothing is measured (and nothing served
	// from the public listener).
	plain := start(t, storetest.MustOpen(t), testConfig(), webHooks())
	if r := (client{t: t, base: plain.url}).do("GET", "/metrics", nil); r.status != http.StatusNotFound {
		t.Errorf("public /metrics: %d, want 404", r.status)
	}
}
