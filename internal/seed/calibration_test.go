package seed_test

import (
	"math"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/demo"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestPublishedRunsAreCalibrated checks the server's published demo runs,
// computed by package evaluation from the stored figures, against what the
// demo is calibrated to (demo.CheckCalibration): the published 2021 lists,
// the press-named 2022 进步县 and 先进县, stable ranks.
func TestPublishedRunsAreCalibrated(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		if _, err := seed.LoadDemo(ctx, db, ""); err != nil {
			t.Fatal(err)
		}
		runs, err := db.Runs(ctx, store.RunFilter{State: auth.StatePublished})
		if err != nil || len(runs) != 2 {
			t.Fatalf("%d published runs (%v)", len(runs), err)
		}
		var res [2]demo.YearResult
		for k, run := range []store.Run{runs[1], runs[0]} { // newest first
			rows, err := db.Results(ctx, run.ID, store.ResultFilter{Node: "total"})
			if err != nil {
				t.Fatal(err)
			}
			res[k] = yearResult(rows)
		}
		for _, msg := range demo.CheckCalibration(res[0], res[1]) {
			t.Error(msg)
		}
	})
}

// yearResult reads the overall and type ranks, rank changes and awards of
// a run's rows of the top node.
func yearResult(rows []store.Result) demo.YearResult {
	r := demo.YearResult{Rank: map[string]float64{}, TypeRank: map[string]map[string]float64{}, Change: map[string]float64{},
		Winners: map[string][]string{}}
	for _, row := range rows {
		if row.Group != "" {
			if r.TypeRank[row.Group] == nil {
				r.TypeRank[row.Group] = map[string]float64{}
			}
			r.TypeRank[row.Group][row.Unit] = row.GroupRank
			continue
		}
		r.Rank[row.Unit] = row.Rank
		if !math.IsNaN(row.RankChange) {
			r.Change[row.Unit] = row.RankChange
		}
		for _, a := range row.Awards {
			name, typ, _ := strings.Cut(strings.TrimSuffix(a, ")"), "(")
			if typ != "" {
				name += "/" + typ
			}
			r.Winners[name] = append(r.Winners[name], row.Unit)
		}
	}
	return r
}
