package store_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestAwardDecisions: 620123 and 620821 tie for the last place of 十强县
// (both marked 待认定:十强县, 620123 also wins 先进县(农业优先型)); the run
// cannot leave review, by a plain transition or by starting the notice,
// until the office decides, and then only with units of the tie and a
// meeting reference.
func TestAwardDecisions(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		_, r := newRun(t, db)
		rows := []store.Result{
			{Unit: "620123", Node: "Index", Level: 2, Score: 80, Rank: 1, GroupRank: math.NaN(), Period: "2022", RankChange: math.NaN(),
				Awards: []string{"先进县(农业优先型)", "待认定:十强县"}},
			{Unit: "620821", Node: "Index", Level: 2, Score: 80, Rank: 1, GroupRank: math.NaN(), Period: "2022", RankChange: math.NaN(),
				Awards: []string{"待认定:十强县"}},
		}
		if err := db.PutResults(ctx, alice, r.ID, rows); err != nil {
			t.Fatal(err)
		}
		dec := store.AwardDecision{RunID: r.ID, Award: "十强县", Units: []string{"620821"}, Reference: "2023年第3次评价领导小组会议纪要"}
		if _, err := db.DecideAward(ctx, alice, dec); !errors.Is(err, store.ErrConflict) {
			t.Errorf("decision in draft: %v, want ErrConflict", err)
		}
		if _, err := db.Transition(ctx, alice, r.ID, auth.StateReview, ""); err != nil {
			t.Fatal(err)
		}
		pending, err := db.PendingAwards(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(map[string][]string{"十强县": {"620123", "620821"}}, pending); d != "" {
			t.Errorf("pending (-want +got)\n%s", d)
		}
		if _, err := db.Transition(ctx, alice, r.ID, auth.StateNotice, ""); !errors.Is(err, store.ErrConflict) {
			t.Errorf("transition with a tie to decide: %v, want ErrConflict", err)
		}
		day := time.Date(2023, 3, 20, 0, 0, 0, 0, time.UTC)
		if _, err := db.StartNotice(ctx, alice, r.ID, day, day.AddDate(0, 0, 6), ""); !errors.Is(err, store.ErrConflict) {
			t.Errorf("notice with a tie to decide: %v, want ErrConflict", err)
		}
		for name, bad := range map[string]store.AwardDecision{
			"unit not tied":  {RunID: r.ID, Award: "十强县", Units: []string{"620122"}, Reference: "纪要"},
			"award not tied": {RunID: r.ID, Award: "先进县(农业优先型)", Units: []string{"620123"}, Reference: "纪要"},
			"no reference":   {RunID: r.ID, Award: "十强县", Units: []string{"620821"}},
			"no units":       {RunID: r.ID, Award: "十强县", Reference: "纪要"},
		} {
			if _, err := db.DecideAward(ctx, alice, bad); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("%s: %v, want ErrInvalid", name, err)
			}
		}
		got, err := db.DecideAward(ctx, alice, dec)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := db.AwardDecisions(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) != 1 || ds[0].Reference != dec.Reference || ds[0].DecidedBy != "alice" || !cmp.Equal(ds[0].Units, dec.Units) ||
			!ds[0].DecidedAt.Equal(got.DecidedAt) {
			t.Errorf("decisions %+v", ds)
		}
		if _, err := db.Transition(ctx, alice, r.ID, auth.StateNotice, ""); err != nil {
			t.Errorf("transition after the decision: %v", err)
		}
		// The results now read as decided: 620821 wins 十强县, 620123
		// keeps only 先进县.
		res, err := db.Results(ctx, r.ID, store.ResultFilter{})
		if err != nil {
			t.Fatal(err)
		}
		awards := map[string][]string{}
		for _, x := range res {
			awards[x.Unit] = x.Awards
		}
		if d := cmp.Diff(map[string][]string{"620123": {"先进县(农业优先型)"}, "620821": {"十强县"}}, awards); d != "" {
			t.Errorf("awards after the decision (-want +got)\n%s", d)
		}
	})
}
