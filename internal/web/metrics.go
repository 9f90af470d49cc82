package web

import (
	"bufio"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// metricBuckets are the upper bounds, in seconds, of the request latency
// histogram: from a cached page (a millisecond) to an evaluation or a
// large import (a minute).
var metricBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60}

// latency is one histogram: counts per bucket (not cumulative), sum, count.
type latency struct {
	buckets []uint64
	sum     float64
	count   uint64
}

// metrics counts requests by route pattern and status class. The route is
// the pattern of routes.go that served the request ("GET /api/v1/runs/{id}"),
// or "other" when none did, so that the label set stays as small as the
// route table.
type metrics struct {
	mu   sync.Mutex
	hist map[[2]string]*latency // {route, code class}
}

func (m *metrics) observe(route, code string, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.hist == nil {
		m.hist = map[[2]string]*latency{}
	}
	k := [2]string{route, code}
	h := m.hist[k]
	if h == nil {
		h = &latency{buckets: make([]uint64, len(metricBuckets))}
		m.hist[k] = h
	}
	sec := d.Seconds()
	for i, b := range metricBuckets {
		if sec <= b {
			h.buckets[i]++
			break
		}
	}
	h.sum += sec
	h.count++
}

// measure records each request's latency under its route pattern.
func (s *Server) measure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &reqInfo{}
		rec := &recorder{w, info}
		next.ServeHTTP(rec, r)
		route := "other"
		if s.mux != nil {
			if _, p := s.mux.Handler(r); p != "" {
				route = p
			}
		}
		code := "2xx"
		if info.status >= 100 {
			code = strconv.Itoa(info.status/100) + "xx"
		}
		s.metrics.observe(route, code, time.Since(start))
	})
}

// MetricsHandler serves the Prometheus text exposition format (version
// 0.0.4) at any path: request latencies by route, the import queue, the
// database connection pool and a few Go runtime figures. It is meant for
// the separate metrics listener (serve --metrics-addr), never the public
// one.
func (s *Server) MetricsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		b := bufio.NewWriter(w)
		defer b.Flush()
		s.writeMetrics(b)
	})
}

func (s *Server) writeMetrics(b *bufio.Writer) {
	gauge := func(name, help string, v float64, kind string) {
		fmt.Fprintf(b, "# HELP %s %s\n# TYPE %s %s\n%s %s\n", name, help, name, kind, name, promNum(v))
	}
	ready := 0.0
	if s.ready.Load() {
		ready = 1
	}
	gauge("qiangxian_ready", "1 when the database is migrated and the server serves", ready, "gauge")

	s.metrics.mu.Lock()
	keys := make([][2]string, 0, len(s.metrics.hist))
	for k := range s.metrics.hist {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, c [2]string) int { return strings.Compare(a[0]+"\x00"+a[1], c[0]+"\x00"+c[1]) })
	const h = "qiangxian_http_request_duration_seconds"
	fmt.Fprintf(b, "# HELP %s Time to answer an HTTP request, by route pattern and status class.\n# TYPE %s histogram\n", h, h)
	for _, k := range keys {
		l := s.metrics.hist[k]
		labels := fmt.Sprintf("route=%s,code=%q", quoteLabel(k[0]), k[1])
		var cum uint64
		for i, bound := range metricBuckets {
			cum += l.buckets[i]
			fmt.Fprintf(b, "%s_bucket{%s,le=%q} %d\n", h, labels, promNum(bound), cum)
		}
		fmt.Fprintf(b, "%s_bucket{%s,le=\"+Inf\"} %d\n", h, labels, l.count)
		fmt.Fprintf(b, "%s_sum{%s} %s\n%s_count{%s} %d\n", h, labels, promNum(l.sum), h, labels, l.count)
	}
	s.metrics.mu.Unlock()

	s.imports.setup(s)
	s.imports.mu.Lock()
	running, waiting := len(s.imports.running), len(s.imports.waiting)
	s.imports.mu.Unlock()
	gauge("qiangxian_import_running", "Imports being read or checked now.", float64(running), "gauge")
	gauge("qiangxian_import_waiting", "Imports waiting for a slot.", float64(waiting), "gauge")
	gauge("qiangxian_import_slots", "Imports that may run at once (limits.import_slots).", float64(s.imports.slots), "gauge")

	st := s.db.PoolStats()
	gauge("qiangxian_db_open_connections", "Open database connections.", float64(st.OpenConnections), "gauge")
	gauge("qiangxian_db_in_use_connections", "Database connections in use.", float64(st.InUse), "gauge")
	gauge("qiangxian_db_idle_connections", "Idle database connections.", float64(st.Idle), "gauge")
	gauge("qiangxian_db_max_open_connections", "Largest number of open database connections (0: unlimited).", float64(st.MaxOpenConnections), "gauge")
	gauge("qiangxian_db_wait_count_total", "Times a request waited for a database connection.", float64(st.WaitCount), "counter")
	gauge("qiangxian_db_wait_seconds_total", "Time spent waiting for a database connection.", st.WaitDuration.Seconds(), "counter")

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gauge("go_goroutines", "Goroutines that currently exist.", float64(runtime.NumGoroutine()), "gauge")
	gauge("go_memstats_heap_alloc_bytes", "Heap bytes allocated and in use.", float64(ms.HeapAlloc), "gauge")
	gauge("go_memstats_sys_bytes", "Bytes obtained from the system.", float64(ms.Sys), "gauge")
}

// promNum writes a float as Prometheus reads it.
func promNum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// quoteLabel quotes a label value: backslash, double quote and newline
// escaped, as the exposition format asks (Go's %q would also escape
// non-ASCII, which the format keeps as UTF-8).
func quoteLabel(v string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(v) + `"`
}
