package store_test

import (
	"cmp"
	"fmt"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/invest/investtest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestFollowupSchedule holds FollowupSchedule's SQL to the rule it
// restates: on a generated ledger (projects started, producing, late,
// without dates, terminated, capital increases), on days before, between
// and on the contract dates, in every scope, its counts and its pages are
// those of reading every key project with FollowupKeyProjects and judging
// each with followup.BehindSchedule in Go, the most days late first, then
// by 项目编号.
func TestFollowupSchedule(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		l := investtest.BigLedger(2000)
		if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "projects.csv"}, l.Projects); err != nil {
			t.Fatal(err)
		}
		// Leaders on some projects, key or not, and terms without a leader
		// on others: only a key project's leader counts.
		var leaders []store.FollowupLeader
		for i := 0; i < len(l.Projects); i += 13 {
			if !l.Projects[i].IsIncrease() {
				leaders = append(leaders, store.FollowupLeader{ProjectID: l.Projects[i].ID, Leader: "县委副书记", Department: "县发展和改革局"})
			}
		}
		if err := db.PutFollowupLeaders(ctx, alice, leaders); err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"P000002", "P000003", "P000005"} {
			if err := db.PutFollowupTerms(ctx, alice, id, followup.Terms{LandMu: 10}); err != nil {
				t.Fatal(err)
			}
		}
		key := followup.DefaultRules.KeyAmount
		// The days: before, between and after the contract dates, and on a
		// missed start's and a missed production's own day (not yet late).
		days := []invest.Day{20200101, 20220615, 20240615, 20250228, 20270101}
		all, err := db.FollowupKeyProjects(ctx, store.FollowupFilter{}, key)
		if err != nil {
			t.Fatal(err)
		}
		var onStart, onProd invest.Day
		for _, k := range all {
			if k.ContractStart != 0 && k.ActualStart == 0 && onStart == 0 {
				onStart = k.ContractStart
			}
			if k.ContractProd != 0 && k.ActualProd == 0 && (k.ActualStart != 0 || k.ContractStart == 0) && onProd == 0 {
				onProd = k.ContractProd
			}
		}
		if onStart == 0 || onProd == 0 {
			t.Fatalf("no missed start (%d) or production (%d) in the generated ledger", onStart, onProd)
		}
		days = append(days, onStart, onProd)
		for _, f := range []store.FollowupFilter{{}, {Prefecture: "620600"}, {County: "620601"}, {County: "629999"}} {
			all, err := db.FollowupKeyProjects(ctx, f, key)
			if err != nil {
				t.Fatal(err)
			}
			for _, today := range days {
				t.Run(fmt.Sprintf("%+v/%d", f, today), func(t *testing.T) {
					want := store.KeySchedule{Key: len(all)}
					var behind []store.KeyProject
					for _, k := range all {
						if k.Leader != "" {
							want.Led++
						}
						if followup.BehindSchedule(&k.Project, today).Late() {
							behind = append(behind, k)
						}
					}
					want.Behind = len(behind)
					late := func(k store.KeyProject) int { return followup.BehindSchedule(&k.Project, today).DaysLate }
					slices.SortFunc(behind, func(a, b store.KeyProject) int {
						return cmp.Or(cmp.Compare(late(b), late(a)), cmp.Compare(a.ID, b.ID))
					})
					if f == (store.FollowupFilter{}) && today == 20240615 && (want.Led == 0 || want.Behind == 0 || want.Behind == want.Key) {
						t.Fatalf("the generated ledger tests nothing: %+v", want)
					}
					pages := []struct{ limit, offset int }{{0, 0}, {0, 3}, {7, 0}, {7, 5}, {100, len(behind) - 2}, {10, len(behind) + 5}}
					// Pages of 3 stepping one by one, so that pages start
					// and end inside runs of projects late since the same
					// day (the SQL pages by the missed dates at the page's
					// ends).
					for o := range min(len(behind), 40) {
						pages = append(pages, struct{ limit, offset int }{3, o})
					}
					for _, pg := range pages {
						got, err := db.FollowupSchedule(ctx, f, key, today, pg.limit, pg.offset)
						if err != nil {
							t.Fatal(err)
						}
						if got.Key != want.Key || got.Led != want.Led || got.Behind != want.Behind {
							t.Errorf("limit %d offset %d: counts key %d led %d behind %d, want %d %d %d", pg.limit, pg.offset,
								got.Key, got.Led, got.Behind, want.Key, want.Led, want.Behind)
						}
						page := behind
						if pg.limit > 0 {
							from := min(max(pg.offset, 0), len(behind))
							page = behind[from:min(from+pg.limit, len(behind))]
						}
						if d := gocmp.Diff(page, got.Page, cmpopts.EquateEmpty()); d != "" {
							t.Errorf("limit %d offset %d: behind schedule (-Go +SQL):\n%s", pg.limit, pg.offset, d)
						}
					}
				})
			}
		}
	})
}
