package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/cli"
	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/table"
)

// monitorFixture adds monitoring to the matrix fixture: inv for the three
// counties and the province in 2022-06, 2023-06 (released 2023-07-17) and
// 2023-07 (released only in 2099); a problem on 榆中县 and one on 崆峒区.
func monitorFixture(t *testing.T, db *store.DB, f *fixture) (ykProblem, kdProblem int64) {
	a := f.actorOf
	must(t, db.PutMonitorIndicators(ctx, a, []store.MonitorIndicator{{Code: "inv", Name: "固定资产投资", Frequency: "monthly", Direction: 1, Additive: true}}))
	var figs []monitor.Figure
	for i, u := range []string{"620000", "620102", "620123", "620802"} {
		for _, p := range []monitor.Period{{Year: 2022, Month: 6}, {Year: 2023, Month: 6}, {Year: 2023, Month: 7}} {
			v := float64(100*(i+1)) * (1 + 0.1*float64(p.Year-2022)) * float64(p.Month)
			if u == "620123" && p.Year == 2023 {
				v = float64(100*(i+1)) * 0.9 * float64(p.Month) // falls 10 %: red
			}
			figs = append(figs, monitor.Figure{Unit: u, Indicator: "inv", Period: p, Value: v, Growth: math.NaN()})
		}
	}
	must(t, db.PutMonitorFigures(ctx, a, store.StageFinal, figs))
	must(t, db.PutMonitorReleases(ctx, a, []store.Release{{Year: 2023, Month: 6, Day: time.Date(2023, 7, 17, 0, 0, 0, 0, time.UTC)},
		{Year: 2023, Month: 7, Day: time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)}}))
	raise := func(unit string) int64 {
		p, err := db.RaiseProblem(ctx, a, store.Problem{Source: "manual", Unit: unit, Title: "投资进度滞后", Responsible: "县发展改革局",
			Deadline: time.Date(2023, 8, 31, 0, 0, 0, 0, time.UTC)})
		must(t, err)
		return p.ID
	}
	return raise("620123"), raise("620802")
}

// TestMonitorAuthorisation: the monitoring API as every role and scope.
func TestMonitorAuthorisation(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		yk, kd := monitorFixture(t, db, f)
		srv := start(t, db, testConfig(), webHooks())
		a := f.actorOf
		// fresh makes a problem on 榆中县 in state (ordered or closing),
		// so that each caller meets the same state.
		fresh := func(t *testing.T, state string) int64 {
			p, err := db.RaiseProblem(ctx, a, store.Problem{Source: "manual", Unit: "620123", Title: "x", Responsible: "y",
				Deadline: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
			must(t, err)
			_, err = db.AdvanceProblem(ctx, a, p.ID, store.StepOrder, "督办1号", "")
			must(t, err)
			if state == store.ProblemClosing {
				_, err = db.AdvanceProblem(ctx, a, p.ID, store.StepRequest, "", "凭证")
				must(t, err)
			}
			return p.ID
		}
		static := func(path string, body any) func(*testing.T) (string, any) {
			return func(*testing.T) (string, any) { return path, body }
		}
		step := func(state, s string) func(*testing.T) (string, any) {
			return func(t *testing.T) (string, any) {
				return fmt.Sprintf("/api/v1/monitor/problems/%d/steps", fresh(t, state)), map[string]string{"step": s, "body": "已落实", "evidence": "凭证"}
			}
		}
		target := map[string]any{"reason": "调整", "targets": []map[string]any{{"year": 2023, "unit": "620123", "indicator": "inv", "target": 5000, "kind": "absolute"}}}
		figure := map[string]any{"stage": "preliminary", "figures": []map[string]any{{"period": "2023-08", "unit": "620123", "indicator": "inv", "value": 1}}}
		manual := map[string]any{"source": "manual", "unit": "620123", "title": "园区用地", "responsible": "自然资源局", "deadline": "2023-09-30"}
		notRed := map[string]any{"source": "indicator", "unit": "620102", "indicator": "inv", "period": "2023-06", "title": "x", "responsible": "y", "deadline": "2023-09-30"}
		red := map[string]any{"source": "indicator", "unit": "620123", "indicator": "inv", "period": "2023-06", "title": "投资下降", "responsible": "榆中县", "deadline": "2023-09-30"}
		cases := []struct {
			name   string
			method string
			setup  func(*testing.T) (string, any)
			want   [7]int
			rows   [7]int // rows of a table, problems of a list; -1 unchecked
		}{
			{"table released", "GET", static("/api/v1/monitor/table?period=2023-06", nil), [7]int{ok, ok, ok, ok, ok, forb, unau}, [7]int{3, 3, 3, 2, 1, -1, -1}},
			{"table latest", "GET", static("/api/v1/monitor/table", nil), [7]int{ok, ok, ok, ok, ok, forb, unau}, noCount},
			{"table before release", "GET", static("/api/v1/monitor/table?period=2023-07", nil), [7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
			{"table bad period", "GET", static("/api/v1/monitor/table?period=2023-13", nil), [7]int{bad, bad, bad, bad, bad, bad, bad}, noCount},
			{"put targets", "PUT", static("/api/v1/monitor/targets", target), [7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
			{"put figures", "PUT", static("/api/v1/monitor/figures", figure), [7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
			{"put releases", "PUT", static("/api/v1/monitor/releases", []map[string]string{{"period": "2023-08", "day": "2023-09-15"}}), [7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
			{"list problems", "GET", static("/api/v1/monitor/problems?open=true", nil), [7]int{ok, ok, forb, ok, ok, forb, unau}, noCount},
			{"another prefecture's problem", "GET", static(fmt.Sprintf("/api/v1/monitor/problems/%d", kd), nil), [7]int{ok, ok, forb, nf, nf, forb, unau}, noCount},
			{"own problem", "GET", static(fmt.Sprintf("/api/v1/monitor/problems/%d", yk), nil), [7]int{ok, ok, forb, ok, ok, forb, unau}, noCount},
			{"raise by hand", "POST", static("/api/v1/monitor/problems", manual), [7]int{made, made, forb, forb, forb, forb, unau}, noCount},
			{"raise from a light that is not red", "POST", static("/api/v1/monitor/problems", notRed), [7]int{bad, bad, forb, forb, forb, forb, unau}, noCount},
			{"raise from a red light", "POST", static("/api/v1/monitor/problems", red), [7]int{made, made, forb, forb, forb, forb, unau}, noCount},
			{"reply", "POST", step(store.ProblemOrdered, store.StepReply), [7]int{ok, forb, forb, ok, ok, forb, unau}, noCount},
			{"approve 销号", "POST", step(store.ProblemClosing, store.StepApprove), [7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
			{"approve what is not asked", "POST", step(store.ProblemOrdered, store.StepApprove), [7]int{conf, conf, forb, forb, forb, forb, unau}, noCount},
			{"escalate", "POST", static("/api/v1/monitor/escalations", nil), [7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
		}
		for _, tc := range cases {
			for i, who := range matrixCallers {
				name := who
				if name == "" {
					name = "anonymous"
				}
				t.Run(tc.name+"/"+name, func(t *testing.T) {
					path, body := tc.setup(t)
					r := client{t: t, base: srv.url, token: f.tokens[who]}.do(tc.method, path, body)
					if r.status != tc.want[i] {
						t.Fatalf("%s %s as %s: status %d, want %d: %s", tc.method, path, name, r.status, tc.want[i], r.body)
					}
					if n := tc.rows[i]; n >= 0 {
						var v struct{ Rows []json.RawMessage }
						r.decode(t, &v)
						if len(v.Rows) != n {
							t.Errorf("%d rows, want %d: %s", len(v.Rows), n, r.body)
						}
					}
				})
			}
		}
		// Problems each sees: 榆中县's (the first, the ones raised above)
		// and 崆峒区's; lz and yz only 榆中县's.
		for who, wantKD := range map[string]bool{"ana": true, "lz": false, "yz": false} {
			var ps []struct{ Unit string }
			client{t: t, base: srv.url, token: f.tokens[who]}.do("GET", "/api/v1/monitor/problems", nil).decode(t, &ps)
			sawKD := false
			for _, p := range ps {
				sawKD = sawKD || p.Unit == "620802"
			}
			if sawKD != wantKD || len(ps) == 0 {
				t.Errorf("%s sees 崆峒区's problem: %v (%d problems)", who, sawKD, len(ps))
			}
		}
	})
}

// TestMonitorServerMatchesCLI stores the command line's test files and
// reads the table from the server: the CSV is byte for byte what
// `qiangxian monitor` writes.
func TestMonitorServerMatchesCLI(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		a := f.actorOf
		dir := "../cli/testdata/monitor"
		var units []store.Unit
		for _, u := range []string{"620103", "620104", "620105"} {
			units = append(units, store.Unit{Code: u, Name: u, Kind: store.UnitCounty, Parent: "620100"})
		}
		must(t, db.PutUnits(ctx, a, units))
		var inds []store.MonitorIndicator
		for _, c := range []string{"gdp", "inv", "ret"} {
			inds = append(inds, store.MonitorIndicator{Code: c, Name: c, Frequency: "monthly", Direction: 1, Additive: true})
		}
		must(t, db.PutMonitorIndicators(ctx, a, inds))
		open := func(name string) *table.Table {
			b, err := os.ReadFile(filepath.Join(dir, name))
			must(t, err)
			tb, err := table.Read(name, bytes.NewReader(b))
			must(t, err)
			return tb
		}
		figs, err := monitor.ReadFigures(open("data.csv"), nil)
		must(t, err)
		must(t, db.PutMonitorFigures(ctx, a, store.StageFinal, figs))
		ts, err := monitor.ReadTargets(open("targets.csv"))
		must(t, err)
		_, err = db.PutMonitorTargets(ctx, a, ts, "", "兰州市统筹")
		must(t, err)

		out := filepath.Join(t.TempDir(), "m.csv")
		var stdout, stderr bytes.Buffer
		if code := cli.Run(context.Background(), []string{"monitor", "--data", filepath.Join(dir, "data.csv"), "--targets",
			filepath.Join(dir, "targets.csv"), "--period", "2023-06", "--out", out}, &stdout, &stderr); code != 0 {
			t.Fatalf("cli: %d %s", code, stderr.String())
		}
		want, err := os.ReadFile(out)
		must(t, err)
		srv := start(t, db, testConfig(), webHooks())
		r := client{t: t, base: srv.url, token: f.tokens["ana"]}.do("GET", "/api/v1/monitor/table?period=2023-06&format=csv", nil)
		if r.status != ok {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
		if d := cmp.Diff(string(want), string(r.body)); d != "" {
			t.Errorf("server (+) and command line (-) differ:\n%s", d)
		}
	})
}
