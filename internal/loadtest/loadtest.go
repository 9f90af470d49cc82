// Package loadtest measures how fast a running qiangxian server answers
// many clients at once: each target (a page or an API route, with the
// cookie or token of the caller it is asked as) is requested by a number
// of concurrent clients, a bounded number of times within a bounded time,
// and the latencies are summed up as percentiles. It only talks HTTP to
// the address it is given; scripts/loadtest.sh runs it on loopback against
// a server with the demo (cmd/qxload is its command).
package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Target is one URL to measure and the credentials it is requested with.
type Target struct {
	Name   string // as printed: the path with the caller, e.g. "/confirm (county)"
	Path   string // the path and query, appended to the base URL
	Cookie string // a session cookie "name=value", or ""
	Token  string // an API token sent as Authorization: Bearer, or ""
}

// Options bound a measurement: each target gets Clients concurrent clients
// that together send Requests requests, or as many as fit in Duration,
// whichever ends first.
type Options struct {
	Clients  int
	Requests int
	Duration time.Duration
}

// Result is one target's measurement. Latencies are from sending the
// request to reading the last byte of the body.
type Result struct {
	Target        Target
	N, Errors     int           // answered with 200, and failed (an error or another status)
	FirstError    string        // the first failure, for the report
	P50, P99, Max time.Duration // over the N answered requests
	Elapsed       time.Duration
}

// Throughput is the answered requests per second.
func (r Result) Throughput() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.N) / r.Elapsed.Seconds()
}

// Percentile returns the p-quantile (0 < p ≤ 1) of sorted latencies by
// the nearest-rank method: the ⌈p·n⌉-th smallest; 0 for none.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	k := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[min(max(k, 0), len(sorted)-1)]
}

// Measure requests base+t.Path as opts says with client and summarises
// the latencies. One request is sent first, untimed, to warm the server's
// caches and the connection, as a page visited before would be.
func Measure(ctx context.Context, client *http.Client, base string, t Target, opts Options) Result {
	res := Result{Target: t}
	get := func(ctx context.Context) (time.Duration, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+t.Path, nil)
		if err != nil {
			return 0, err
		}
		if t.Cookie != "" {
			req.Header.Set("Cookie", t.Cookie)
		}
		if t.Token != "" {
			req.Header.Set("Authorization", "Bearer "+t.Token)
		}
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		return time.Since(start), err
	}
	if _, err := get(ctx); err != nil {
		res.Errors, res.FirstError = 1, err.Error()
		return res
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Duration)
	defer cancel()
	lat := make([]time.Duration, 0, opts.Requests)
	var (
		mu      sync.Mutex
		sent    atomic.Int64
		wg      sync.WaitGroup
		started = time.Now()
	)
	for range max(opts.Clients, 1) {
		wg.Go(func() {
			for sent.Add(1) <= int64(opts.Requests) && ctx.Err() == nil {
				d, err := get(ctx)
				mu.Lock()
				switch {
				case err == nil:
					lat = append(lat, d)
				case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
					// the time is up: not the server's failure
				default:
					if res.Errors == 0 {
						res.FirstError = err.Error()
					}
					res.Errors++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.Elapsed = time.Since(started)
	slices.Sort(lat)
	res.N = len(lat)
	res.P50, res.P99 = Percentile(lat, 0.50), Percentile(lat, 0.99)
	if len(lat) > 0 {
		res.Max = lat[len(lat)-1]
	}
	return res
}

// Write prints results as an aligned table: target, requests, errors,
// p50, p99 and max in milliseconds, requests per second.
func Write(w io.Writer, results []Result) {
	fmt.Fprintf(w, "%-34s %7s %6s %9s %9s %9s %8s\n", "target", "n", "errors", "p50 ms", "p99 ms", "max ms", "req/s")
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	for _, r := range results {
		fmt.Fprintf(w, "%-34s %7d %6d %9.1f %9.1f %9.1f %8.0f\n", r.Target.Name, r.N, r.Errors,
			ms(r.P50), ms(r.P99), ms(r.Max), r.Throughput())
		if r.FirstError != "" {
			fmt.Fprintf(w, "  first error: %s\n", r.FirstError)
		}
	}
}
