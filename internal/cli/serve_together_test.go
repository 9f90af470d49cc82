package cli

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestServersStartedTogether starts three `qiangxian serve` on one empty
// database at the same instant, as replicas of a deployment start, and
// expects one migrated database with exactly one demo: one published run
// per year, one administrator whose password was printed by one server
// only, and no server failing. The race is repeated, since a lost race
// shows only some of the time (before the start-up lock, two SQLite servers
// both loaded the demo in 3 of 4 trials, and one PostgreSQL server exited on
// a migration conflict in 4 of 4).
func TestServersStartedTogether(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the demo several times")
	}
	const servers, trials = 3, 5
	for _, pg := range []bool{false, true} {
		name := map[bool]string{false: "sqlite", true: "postgres"}[pg]
		t.Run(name, func(t *testing.T) {
			for trial := range trials {
				t.Run(fmt.Sprint(trial), func(t *testing.T) {
					dsn := serveDSN(t, pg)
					outs := startTogether(t, dsn, servers)
					printed := 0
					for _, out := range outs {
						printed += strings.Count(out, "initial password of admin")
					}
					if printed != 1 {
						t.Errorf("the administrator's password was printed %d times, want once:\n%s", printed, strings.Join(outs, "\n"))
					}
					checkOneDemo(t, dsn)
				})
			}
		})
	}
}

// startTogether runs n servers on dsn, released at one instant, waits until
// each answers /healthz with 200, and returns their standard outputs. The
// servers stop when the test ends; each must exit 0.
func startTogether(t *testing.T, dsn string, n int) []string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	go0 := make(chan struct{})
	outs, errs := make([]*syncBuffer, n), make([]*syncBuffer, n)
	codes := make([]int, n)
	exited := make([]chan struct{}, n)
	var wg sync.WaitGroup
	for i := range n {
		outs[i], errs[i] = &syncBuffer{}, &syncBuffer{}
		exited[i] = make(chan struct{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(exited[i])
			<-go0
			codes[i] = Run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", dsn, "--log-level", "warn"}, outs[i], errs[i])
		}()
	}
	t.Cleanup(func() {
		cancel()
		wg.Wait()
		for i, code := range codes {
			if code != 0 {
				t.Errorf("server %d exited %d: %s", i, code, errs[i].String())
			}
		}
	})
	close(go0)
	addr := regexp.MustCompile(`http://(\S+?)（`)
	deadline := time.Now().Add(3 * time.Minute)
	for i := range n {
		for {
			select {
			case <-exited[i]:
				t.Fatalf("server %d exited %d before it was ready: %s", i, codes[i], errs[i].String())
			default:
			}
			if time.Now().After(deadline) {
				t.Fatalf("server %d did not become ready: %s %s", i, outs[i].String(), errs[i].String())
			}
			if m := addr.FindStringSubmatch(outs[i].String()); m != nil {
				if resp, err := http.Get("http://" + m[1] + "/healthz"); err == nil {
					resp.Body.Close()
					if resp.StatusCode == http.StatusOK {
						break
					}
				}
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	var s []string
	for i := range n {
		if e := errs[i].String(); strings.Contains(e, "level=ERROR") {
			t.Errorf("server %d logged an error: %s", i, e)
		}
		s = append(s, outs[i].String())
	}
	return s
}

// checkOneDemo expects the demo loaded once in dsn: the last schema
// version, the 2021 and 2022 runs published once each, one administrator.
func checkOneDemo(t *testing.T, dsn string) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); err != nil || v != store.LatestSchemaVersion() {
		t.Errorf("schema version %d (%v), want %d", v, err, store.LatestSchemaVersion())
	}
	runs, err := db.Runs(ctx, store.RunFilter{})
	if err != nil {
		t.Fatal(err)
	}
	perPeriod := map[string]int{}
	for _, r := range runs {
		perPeriod[r.Period+" "+string(r.State)]++
	}
	if diff := cmp.Diff(map[string]int{"2021 published": 1, "2022 published": 1}, perPeriod); diff != "" {
		t.Errorf("runs per period and state (-want +got):\n%s", diff)
	}
	// The administrator, and the demo runs' approver, who cannot log in.
	if n, err := db.CountUsers(ctx); err != nil || n != 2 {
		t.Errorf("%d users (%v), want the administrator and the signer of the demo's approvals", n, err)
	}
}
