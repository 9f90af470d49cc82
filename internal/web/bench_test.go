package web_test

import (
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// benchUnits and benchNodes size the benchmark run: 3,000 counties (40
// prefectures of 75) scored on an index and six pillars.
const (
	benchUnits   = 3000
	benchPerPref = 75
	benchClients = 50
)

var benchNodes = []string{"index", "econ", "fiscal", "industry", "people", "green", "open"}

// BenchmarkResults measures GET /api/v1/runs/{id}/results for a published
// 3,000-unit run with 50 concurrent clients on loopback, on SQLite and (with
// TEST_POSTGRES_DSN) PostgreSQL: the ranking (?node=index, 3,000 rows) and
// the whole long table (21,000 rows), anonymously and with an API token.
// It reports the latency percentiles p50 and p99 in milliseconds.
//
//	go test ./internal/web -run '^$' -bench Results -benchtime 2000x
func BenchmarkResults(b *testing.B) {
	dbs := []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.MustOpen}, {"postgres", storetest.MustOpenPostgres}}
	for _, d := range dbs {
		b.Run(d.name, func(b *testing.B) {
			db := d.open(b)
			runID, token := benchRun(b, db)
			srv := start(b, db, testConfig(), webHooks())
			for _, bc := range []struct{ name, query, token string }{
				{"ranking/anonymous", "?node=index", ""},
				{"ranking/token", "?node=index", token},
				{"full/token", "", token},
			} {
				b.Run(bc.name, func(b *testing.B) {
					benchGet(b, fmt.Sprintf("%s/api/v1/runs/%d/results%s", srv.url, runID, bc.query), bc.token)
				})
			}
		})
	}
}

// benchGet sends b.N requests from benchClients goroutines and reports the
// latency percentiles.
func benchGet(b *testing.B, url, token string) { benchGetN(b, url, token, benchClients) }

// benchGetN is benchGet with the given number of concurrent clients.
func benchGetN(b *testing.B, url, token string, clients int) {
	benchGetEach(b, url, token, clients, nil)
}

// benchGetEach is benchGetN calling before (when not nil) ahead of each
// request, untimed; with before it takes one client.
func benchGetEach(b *testing.B, url, token string, clients int, before func()) {
	// Read in 64 KiB pieces, as a client fetching large tables would; the
	// default 4 KiB makes the client's system calls dominate on loopback.
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients, ReadBufferSize: 64 << 10}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr}
	get := func() (time.Duration, error) {
		req, _ := http.NewRequest("GET", url, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		t0 := time.Now()
		resp, err := c.Do(req)
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return 0, fmt.Errorf("status %d", resp.StatusCode)
		}
		return time.Since(t0), err
	}
	if _, err := get(); err != nil { // warm the cache and the connection
		b.Fatal(err)
	}
	lat := make([]time.Duration, b.N)
	cpu0 := cpuTime()
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	b.ResetTimer()
	if before != nil {
		clients = 1
	}
	for range clients {
		wg.Go(func() {
			for {
				next.Lock()
				k := i
				i++
				next.Unlock()
				if k >= b.N {
					return
				}
				if before != nil { // one client: not counted in its CPU time either
					c := cpuTime()
					before()
					cpu0 += cpuTime() - c
				}
				d, err := get()
				if err != nil {
					b.Error(err)
					return
				}
				lat[k] = d
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[int(math.Ceil(p*float64(len(lat))))-1]) / float64(time.Millisecond)
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	// The CPU time of this process (server, database and client) a
	// request: what a machine shared with other jobs inflates least.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/float64(time.Millisecond), "cpu-ms/op")
}

// benchRun stores 3,000 counties and a published run with their results
// on every benchmark node, and returns the run and a viewer's API token.
func benchRun(b *testing.B, db *store.DB) (int64, string) {
	b.Helper()
	a := store.Actor{Username: "bench"}
	units := []store.Unit{{Code: "620000", Name: "省", Kind: store.UnitProvince}}
	var counties []string
	for p := 1; p <= benchUnits/benchPerPref; p++ {
		pref := fmt.Sprintf("62%02d00", p)
		units = append(units, store.Unit{Code: pref, Name: "市" + pref, Kind: store.UnitPrefecture, Parent: "620000"})
		for c := 1; c <= benchPerPref; c++ {
			code := fmt.Sprintf("62%02d%02d", p, c)
			counties = append(counties, code)
			units = append(units, store.Unit{Code: code, Name: "县" + code, Kind: store.UnitCounty, Parent: pref})
		}
	}
	must(b, db.PutUnits(ctx, a, units))
	must(b, db.PutIndicators(ctx, a, []store.Indicator{{Code: "gdp", NameZH: "地区生产总值", Direction: 1, Department: "统计局"}}))
	_, err := db.ImportObservations(ctx, a, store.RevisionNote{Kind: "import"},
		[]store.Observation{{Unit: counties[0], Indicator: "gdp", Period: "2022", Value: 1}})
	must(b, err)
	m, err := db.AddMethod(ctx, a, "bench", "1", "title = \"bench\"\n")
	must(b, err)
	run, err := db.CreateRun(ctx, a, store.NewRun{MethodID: m.ID, Period: "2022", Visibility: auth.VisFull})
	must(b, err)
	rows := make([]store.Result, 0, len(counties)*len(benchNodes))
	for _, node := range benchNodes {
		for i, u := range counties {
			r := store.Result{Unit: u, Node: node, Level: 1, Score: 100 * math.Sin(float64(i+len(node))), Rank: float64(i + 1),
				Group: "城市服务型", GroupRank: float64(i/5 + 1), Period: "2022", RankChange: float64(i%21 - 10)}
			if node == "index" && i < 10 {
				r.Awards = []string{"十强县"}
			}
			rows = append(rows, r)
		}
	}
	must(b, db.PutResults(ctx, a, run.ID, rows))
	storetest.Advance(b, db, a, run.ID, auth.StatePublished)
	_, err = db.CreateUser(ctx, a, store.User{Username: "reader", PasswordHash: passwordHash, Role: auth.RoleViewer})
	must(b, err)
	tok, _, err := db.CreateAPIToken(ctx, a, "reader", "bench", time.Time{})
	must(b, err)
	return run.ID, tok
}
