package store_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// followupLedger stores four projects: P1 (榆中县, 6 亿, started 90 days
// late, production due 2024-06-30), P2 (榆中县, a lead, unsigned), P3
// (永登县, 8 亿, start due 2025-01-01), P5 (永登县, 1 亿).
func followupLedger(t *testing.T, db *store.DB) {
	t.Helper()
	seed(t, db)
	ps := []invest.Project{
		{ID: "P1", Name: "示例项目一", County: "620123", Signed: 20230115, Amount: 6 * invest.AmountScale, ContractStart: 20230301,
			ActualStart: 20230530, ContractProd: 20240630},
		{ID: "P2", Name: "示例线索", County: "620123"},
		{ID: "P3", Name: "示例项目三", County: "620121", Signed: 20240601, Amount: 8 * invest.AmountScale, ContractStart: 20250101},
		{ID: "P5", Name: "示例项目五", County: "620121", Signed: 20240601, Amount: 1 * invest.AmountScale},
	}
	if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "projects.csv"}, ps); err != nil {
		t.Fatal(err)
	}
}

// TestFollowup: terms, years, incentives and default actions are kept
// per signed project, read back by place, and judged by the rules.
func TestFollowup(t *testing.T) {
	nan := math.NaN()
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		followupLedger(t, db)
		terms := followup.Terms{LandMu: 100, InvestPerMu: 300, TaxPerMu: 15}
		if err := db.PutFollowupTerms(ctx, alice, "P2", terms); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("terms of an unsigned lead: %v, want ErrInvalid", err)
		}
		if err := db.PutFollowupTerms(ctx, alice, "NONE", terms); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("terms of no project: %v, want ErrNotFound", err)
		}
		if err := db.PutFollowupTerms(ctx, alice, "P1", followup.Terms{LandMu: -1}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("negative land: %v", err)
		}
		if err := db.PutFollowupTerms(ctx, alice, "P1", terms); err != nil {
			t.Fatal(err)
		}
		fig := func(inv, out float64) followup.Figures {
			return followup.Figures{Investment: inv, Tax: nan, Output: out, Jobs: nan, Energy: nan}
		}
		if err := db.PutFollowupYears(ctx, alice, "P1", []store.FollowupYear{
			{Year: 2023, Side: store.SideCommit, Figures: fig(10000, nan)},
			{Year: 2023, Side: store.SideActual, Figures: fig(5000, nan)}, // replaced below
			{Year: 2024, Side: store.SideCommit, Figures: fig(20000, 50000)},
			{Year: 2024, Side: store.SideActual, Figures: fig(16000, 30000)},
		}); err != nil {
			t.Fatal(err)
		}
		if err := db.PutFollowupYears(ctx, alice, "P1", []store.FollowupYear{{Year: 2023, Side: store.SideActual, Figures: fig(9000, nan)}}); err != nil {
			t.Fatal(err)
		}
		if err := db.PutFollowupYears(ctx, alice, "P1", []store.FollowupYear{{Year: 2023, Side: "plan"}}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("side plan: %v", err)
		}
		in, err := db.AddFollowupIncentive(ctx, alice, store.FollowupIncentive{ProjectID: "P1", Content: "前三年地方留成税收全额返还",
			Amount: 1200, Incentive: followup.Incentive{Kind: followup.IncentiveTax, Specific: true, Granted: 20240901}})
		if err != nil || in.ID == 0 || in.Review() != followup.FlagProhibited {
			t.Fatalf("incentive %+v %v", in, err)
		}
		if _, err := db.AddFollowupIncentive(ctx, alice, store.FollowupIncentive{ProjectID: "P1", Content: "x",
			Incentive: followup.Incentive{Kind: "gift"}}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("kind gift: %v", err)
		}
		if _, err := db.AddFollowupDefault(ctx, alice, store.FollowupDefault{ProjectID: "P1", Day: 20250310, Action: "clawback",
			Amount: 400, Note: "追回奖补资金"}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddFollowupDefault(ctx, alice, store.FollowupDefault{ProjectID: "P1", Day: 20250310, Action: "jail"}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("action jail: %v", err)
		}
		if err := db.PutFollowupLeader(ctx, alice, "P3", "县委副书记", ""); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("leader without department: %v", err)
		}
		if err := db.PutFollowupLeader(ctx, alice, "P3", "县委副书记", "县发展和改革局"); err != nil {
			t.Fatal(err)
		}

		rs, err := db.FollowupRecords(ctx, store.FollowupFilter{County: "620123"})
		if err != nil || len(rs) != 1 {
			t.Fatalf("榆中县: %d records, %v", len(rs), err)
		}
		r := rs[0]
		wantYears := []followup.Year{
			{Year: 2023, Commit: fig(10000, nan), Actual: fig(9000, nan)},
			{Year: 2024, Commit: fig(20000, 50000), Actual: fig(16000, 30000)},
		}
		if d := cmp.Diff(wantYears, r.Years, cmpopts.EquateNaNs()); d != "" || r.Terms != terms || len(r.Incentives) != 1 ||
			len(r.Defaults) != 1 || r.Defaults[0].Amount != 400 || r.Incentives[0].Content != "前三年地方留成税收全额返还" {
			t.Errorf("record %+v (years -want +got %s)", r, d)
		}
		// On 2026-01-10: started 90 days late (预警); production 559 days
		// late (违约); cumulative investment 9000/10000 and
		// 25000/30000 (预警); output 30000/50000 = 0.6 (违约); investment
		// per 亩 25000/100 = 250 of 300 (预警). No tax committed by year.
		a := followup.Assess(r.Rule(), 20260110, followup.DefaultRules)
		checks := map[string]followup.Status{}
		for _, f := range a.Findings {
			checks[f.Check] = max(checks[f.Check], f.Status)
		}
		want := map[string]followup.Status{followup.CheckStart: followup.Warn, followup.CheckProduction: followup.Breach,
			followup.CheckInvestment: followup.Warn, followup.CheckOutput: followup.Breach, followup.CheckInvestPerMu: followup.Warn}
		if a.Status != followup.Breach || !cmp.Equal(checks, want) {
			t.Errorf("assessment %s %v, want 违约 %v", a.Status, checks, want)
		}
		if rs, _ := db.FollowupRecords(ctx, store.FollowupFilter{Prefecture: "620100"}); len(rs) != 2 || rs[1].Leader != "县委副书记" {
			t.Errorf("兰州市: %+v", rs)
		}
		if rs, _ := db.FollowupRecords(ctx, store.FollowupFilter{County: "620821"}); len(rs) != 0 {
			t.Errorf("泾川县: %+v", rs)
		}
		// Key projects from 5 亿: P3 (8 亿, with its leader), then P1 (6 亿); not P5 (1 亿) nor the lead.
		ks, err := db.FollowupKeyProjects(ctx, store.FollowupFilter{}, followup.DefaultRules.KeyAmount)
		if err != nil || len(ks) != 2 || ks[0].ID != "P3" || ks[0].LeaderDept != "县发展和改革局" || ks[1].ID != "P1" || ks[1].Leader != "" {
			t.Errorf("key projects %+v %v", ks, err)
		}
	})
}

// TestProblemLinks: a problem carries its typed link, is refused with a
// link that lacks its fields, and is found by its project.
func TestProblemLinks(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		followupLedger(t, db)
		base := store.Problem{Unit: "620123", Title: "项目开工滞后", Responsible: "榆中县发展和改革局", Deadline: day(2026, 2, 9)}
		for _, bad := range []store.Problem{
			{Source: "project"},
			{Source: "zone", LinkZone: "620171", LinkYear: 2023},
			{Source: "manual", LinkProject: "P1"},
			{Source: "indicator", Indicator: "inv"},
		} {
			p := base
			p.Source, p.LinkZone, p.LinkYear, p.LinkProject, p.Indicator = bad.Source, bad.LinkZone, bad.LinkYear, bad.LinkProject, bad.Indicator
			if _, err := db.RaiseProblem(ctx, alice, p); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("%+v: %v, want ErrInvalid", bad, err)
			}
		}
		p := base
		p.Source, p.LinkProject = "project", "P1"
		got, err := db.RaiseProblem(ctx, alice, p)
		if err != nil || got.Link() != (followup.Link{Kind: followup.LinkProject, Project: "P1"}) {
			t.Fatalf("project problem %+v %v", got, err)
		}
		z := base
		z.Unit, z.Source, z.LinkZone, z.LinkYear, z.LinkAction = "620171", "zone", "620171", 2023, "降级预警"
		if got, err := db.RaiseProblem(ctx, alice, z); err != nil ||
			got.Link() != (followup.Link{Kind: followup.LinkZone, Zone: "620171", Year: 2023, Action: "降级预警"}) {
			t.Fatalf("zone problem %+v %v", got, err)
		}
		ps, err := db.Problems(ctx, store.ProblemFilter{Project: "P1"})
		if err != nil || len(ps) != 1 || ps[0].ID != got.ID {
			t.Errorf("problems of P1: %+v %v", ps, err)
		}
		if ps, _ := db.Problems(ctx, store.ProblemFilter{Source: "zone"}); len(ps) != 1 || ps[0].LinkAction != "降级预警" {
			t.Errorf("zone problems %+v", ps)
		}
	})
}
