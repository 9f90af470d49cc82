package evaluation_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/evaluation"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/table"
)

var (
	ctx   = context.Background()
	alice = store.Actor{Username: "alice"}
)

// demoRuns loads the demo and returns its published 2021 and 2022 runs.
func demoRuns(t *testing.T, db *store.DB) (r21, r22 store.Run) {
	t.Helper()
	l, err := seed.LoadDemoOpts(ctx, db, seed.Options{AdminPassword: "Gansu-2022-demo"})
	if err != nil {
		t.Fatal(err)
	}
	return l.Runs[0], l.Runs[1]
}

// csvRows renders a results CSV written by evaluate --method as one line
// per row, keyed by unit, node and group, with its numbers as written
// (shortest round-trip form, so equal text means equal float64).
func csvRows(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb, err := table.Read(path, f)
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return tb.Col(name) }
	out := map[string]string{}
	for _, row := range tb.Rows {
		get := func(name string) string {
			if c := col(name); c >= 0 {
				return row[c]
			}
			return ""
		}
		key := get("unit") + "/" + get("node") + "/" + get("group")
		out[key] = strings.Join([]string{get("level"), get("score"), get("rank"), get("group_rank"), get("vetoed"),
			get("awards"), get("rank_change")}, " ")
	}
	return out
}

// storedRows renders result rows the same way.
func storedRows(rows []store.Result) map[string]string {
	out := map[string]string{}
	for _, r := range rows {
		vetoed := "0"
		if r.Vetoed {
			vetoed = "1"
		}
		out[r.Unit+"/"+r.Node+"/"+r.Group] = strings.Join([]string{strconv.Itoa(r.Level), table.FormatNumber(r.Score),
			table.FormatNumber(r.Rank), table.FormatNumber(r.GroupRank), vetoed, strings.Join(r.Awards, ";"),
			table.FormatNumber(r.RankChange)}, " ")
	}
	return out
}

// TestComputeMatchesEvaluate compares the demo's stored runs with the
// output of `qiangxian evaluate --method` on the example files:
// examples/gansu/result-2021.csv, and the 2022 golden file of the CLI's
// tests (with events, targets and the 2021 result as previous).
func TestComputeMatchesEvaluate(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		r21, r22 := demoRuns(t, db)
		for _, c := range []struct {
			run  store.Run
			file string
		}{{r21, "../../examples/gansu/result-2021.csv"}, {r22, "../cli/testdata/gansu/result-2022.csv"}} {
			rows, err := db.Results(ctx, c.run.ID, store.ResultFilter{})
			if err != nil {
				t.Fatal(err)
			}
			want := csvRows(t, c.file)
			if len(want) < 86*20 {
				t.Fatalf("%s has only %d rows", c.file, len(want))
			}
			if d := cmp.Diff(want, storedRows(rows)); d != "" {
				t.Errorf("run %s differs from %s (-evaluate +stored):\n%s", c.run.Period, c.file, d)
			}
			for _, r := range rows {
				if r.Period != c.run.Period {
					t.Fatalf("row %+v: period %q, want %q", r, r.Period, c.run.Period)
				}
			}
		}
	})
}

// bits renders rows keyed by unit, node and group, with every number's
// bits, so that equality means bit-identical scores and ranks.
func bits(rows []store.Result) map[string]string {
	out := map[string]string{}
	for _, r := range rows {
		out[r.Unit+"/"+r.Node+"/"+r.Group] = fmt.Sprintf("%d %x %x %x %x %v %q %s", r.Level, math.Float64bits(r.Score),
			math.Float64bits(r.Rank), math.Float64bits(r.GroupRank), math.Float64bits(r.RankChange), r.Vetoed, r.Awards, r.Period)
	}
	return out
}

// TestRecompute re-runs the published runs from their recorded inputs and
// compares bit for bit, also after the data and the declared types have
// changed since (a correction, a county's new type): the run reads its
// revision and its recorded types, not the latest ones.
func TestRecompute(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		r21, r22 := demoRuns(t, db)
		check := func(when string) {
			t.Helper()
			for _, run := range []store.Run{r21, r22} {
				stored, err := db.Results(ctx, run.ID, store.ResultFilter{})
				if err != nil {
					t.Fatal(err)
				}
				again, err := evaluation.Recompute(ctx, db, run.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(again) != len(stored) {
					t.Fatalf("%s: run %s: %d rows recomputed, %d stored", when, run.Period, len(again), len(stored))
				}
				if d := cmp.Diff(bits(stored), bits(again)); d != "" {
					t.Errorf("%s: run %s recomputes differently (-stored +recomputed):\n%s", when, run.Period, d)
				}
			}
		}
		check("as loaded")

		// 城关区 (620102) reports a much higher GDP and becomes 农业优先型 too.
		if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "correction"}, []store.Observation{
			{Unit: "620102", Indicator: "gdp", Period: "2022", Value: 99999, Status: store.StatusCorrected},
			{Unit: "620102", Indicator: "gdp", Period: "2021", Value: 99999, Status: store.StatusCorrected},
		}); err != nil {
			t.Fatal(err)
		}
		for _, y := range []int{2021, 2022} {
			if _, err := db.AddAttribute(ctx, alice, store.UnitAttribute{Unit: "620102", Name: "type", Value: "农业优先型",
				FromYear: y, ToYear: y}); err != nil {
				t.Fatal(err)
			}
		}
		check("after a correction and a new type")

		// A fresh run on the latest data does see both.
		run, err := evaluation.Compute(ctx, db, alice, evaluation.ComputeRequest{MethodID: r22.MethodID, Period: "2022"})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := db.Results(ctx, run.ID, store.ResultFilter{Node: "total"})
		if err != nil {
			t.Fatal(err)
		}
		groups := map[string]bool{}
		for _, r := range rows {
			if r.Unit == "620102" {
				groups[r.Group] = true
			}
		}
		if !groups["农业优先型"] || run.Hash == r22.Hash || run.Revision <= r22.Revision {
			t.Errorf("new run %+v: 620102 in groups %v", run, groups)
		}
	})
}

func TestComputeInputs(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		r21, r22 := demoRuns(t, db)
		m, err := db.Method(ctx, r22.MethodID)
		if err != nil {
			t.Fatal(err)
		}
		if want := store.RunHash(m.Hash, r22.Revision, r22.Params); r22.Hash != want {
			t.Errorf("hash %s, want %s", r22.Hash, want)
		}
		var p evaluation.Params
		if err := json.Unmarshal(r22.Params, &p); err != nil {
			t.Fatal(err)
		}
		if p.PreviousRun != r21.ID || len(p.Types) != 86 || !cmp.Equal(p.Types["620602"], []string{"城市服务型", "工业主导型"}) {
			t.Errorf("2022 params: previous %d, %d units, 凉州区 %v", p.PreviousRun, len(p.Types), p.Types["620602"])
		}

		draft, err := evaluation.Compute(ctx, db, alice, evaluation.ComputeRequest{MethodID: m.ID, Period: "2021", ParentRunID: r21.ID})
		if err != nil {
			t.Fatal(err)
		}
		if draft.State != auth.StateDraft || draft.ParentID != r21.ID || draft.Revision <= r21.Revision || draft.Hash == r21.Hash {
			t.Errorf("re-run of 2021: %+v", draft)
		}
		tests := []struct {
			name string
			req  evaluation.ComputeRequest
			want error
		}{
			{"previous run not published", evaluation.ComputeRequest{MethodID: m.ID, Period: "2022", PreviousRunID: draft.ID}, store.ErrConflict},
			{"unknown method", evaluation.ComputeRequest{MethodID: 999, Period: "2022"}, store.ErrNotFound},
			{"unknown revision", evaluation.ComputeRequest{MethodID: m.ID, Period: "2022", Revision: 999}, store.ErrNotFound},
			{"no figures for the period", evaluation.ComputeRequest{MethodID: m.ID, Period: "2023"}, evaluation.ErrNoData},
			// As of the 2021 import, 2022 has no figures yet.
			{"no figures as of the revision", evaluation.ComputeRequest{MethodID: m.ID, Period: "2022", Revision: r21.Revision}, evaluation.ErrNoData},
			{"bad period", evaluation.ComputeRequest{MethodID: m.ID, Period: "22"}, store.ErrInvalid},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if _, err := evaluation.Compute(ctx, db, alice, tt.req); !errors.Is(err, tt.want) {
					t.Errorf("err %v, want %v", err, tt.want)
				}
			})
		}
	})
}
