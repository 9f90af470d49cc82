package loadtest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(xs ...int) []time.Duration {
		out := make([]time.Duration, len(xs))
		for i, x := range xs {
			out[i] = time.Duration(x) * time.Millisecond
		}
		return out
	}
	ten := ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	for _, c := range []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"none", nil, 0.5, 0},
		{"one", ms(7), 0.99, 7 * time.Millisecond},
		// ⌈0.5·10⌉ = 5th smallest = 5 ms.
		{"p50 of ten", ten, 0.50, 5 * time.Millisecond},
		// ⌈0.99·10⌉ = 10th = 10 ms: with few samples p99 is the maximum.
		{"p99 of ten", ten, 0.99, 10 * time.Millisecond},
		// ⌈0.51·10⌉ = 6th = 6 ms.
		{"p51 of ten", ten, 0.51, 6 * time.Millisecond},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Percentile(c.sorted, c.p); got != c.want {
				t.Errorf("Percentile(%v, %g) = %v, want %v", c.sorted, c.p, got, c.want)
			}
		})
	}
}

// TestMeasure runs a target against a loopback server that checks the
// credentials and fails every tenth request: the answered and failed
// requests add up to the bound (plus the warm-up request), and the
// credentials arrive.
func TestMeasure(t *testing.T) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok" || !strings.Contains(r.Header.Get("Cookie"), "qx_session=ck") {
			http.Error(w, "who are you", http.StatusUnauthorized)
			return
		}
		if n.Add(1)%10 == 0 {
			http.Error(w, "bad luck", http.StatusInternalServerError)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	res := Measure(context.Background(), srv.Client(), srv.URL, Target{Name: "x", Path: "/x", Cookie: "qx_session=ck", Token: "tok"},
		Options{Clients: 4, Requests: 200, Duration: time.Minute})
	// Requests 1 (warm-up) … 201: the 10th, 20th … 200th fail, 20 of them,
	// all among the 200 measured; 180 are answered.
	if res.N != 180 || res.Errors != 20 || !strings.Contains(res.FirstError, "500") {
		t.Errorf("N %d, errors %d (%q), want 180 and 20 (status 500)", res.N, res.Errors, res.FirstError)
	}
	if res.P50 <= 0 || res.P50 > res.P99 || res.P99 > res.Max {
		t.Errorf("p50 %v, p99 %v, max %v: not in order", res.P50, res.P99, res.Max)
	}
}

// TestMeasureRefused: a target that fails its warm-up request is not
// measured at all.
func TestMeasureRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusForbidden)
	}))
	defer srv.Close()
	res := Measure(context.Background(), srv.Client(), srv.URL, Target{Name: "x", Path: "/"}, Options{Clients: 2, Requests: 50, Duration: time.Minute})
	if res.N != 0 || res.Errors != 1 || !strings.Contains(res.FirstError, "403") {
		t.Errorf("N %d, errors %d (%q), want 0, 1, status 403", res.N, res.Errors, res.FirstError)
	}
}
