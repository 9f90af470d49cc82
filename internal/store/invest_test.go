package store_test

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/invest/ledgerio"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/table"
)

// exampleLedger reads examples/invest, the README's example ledger.
func exampleLedger(t testing.TB) *invest.Ledger {
	t.Helper()
	read := func(path string) *table.Table {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		tb, err := table.Read(path, f)
		if err != nil {
			t.Fatal(err)
		}
		return tb
	}
	l, err := ledgerio.ReadLedger(read("../../examples/invest/projects.csv"), read("../../examples/invest/funds.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// investOptions is a matrix of queries: every level, both county scopes,
// both kinds of cohort, several periods and overdue limits.
func investOptions() []invest.Options {
	var out []invest.Options
	for _, lv := range []invest.Level{invest.LevelProvince, invest.LevelPrefecture, invest.LevelCounty, invest.LevelZone} {
		for _, sc := range []invest.CountyScope{invest.ScopePrefecture, invest.ScopeCounty} {
			for _, per := range [][2]invest.Month{{202401, 202412}, {202403, 202406}, {202301, 202412}, {202407, 202409},
				{203001, 203012}, {201001, 201012}} { // beyond every date, before every date
				for _, co := range []struct {
					label string
					year  int
				}{{"", 0}, {"第三十届兰洽会", 0}, {"", 2024}, {"", 2023}} {
					for _, om := range []int{6, 3} {
						out = append(out, invest.Options{Level: lv, Scope: sc, From: per[0], To: per[1], Cohort: co.label,
							CohortYear: co.year, OverdueMonths: om})
					}
				}
			}
		}
	}
	return out
}

// TestInvestMetricsMatchCompute: the stored query gives, for every option,
// exactly what the command line computes on the same ledger.
func TestInvestMetricsMatchCompute(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		l := exampleLedger(t)
		storetest.StoreLedger(t, db, alice, l)
		stored, err := db.InvestLedger(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(stored.Projects) != len(l.Projects) || len(stored.Funds) != len(l.Funds) {
			t.Fatalf("stored %d projects, %d funds rows", len(stored.Projects), len(stored.Funds))
		}
		for _, o := range investOptions() {
			got, err := db.InvestMetrics(ctx, o)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(rowCells(invest.Compute(l, o)), rowCells(got)); diff != "" {
				t.Fatalf("%+v (-cli +stored):\n%s", o, diff)
			}
		}
	})
}

func rowCells(rows []invest.Row) [][]string {
	var out [][]string
	for i := range rows {
		out = append(out, rows[i].Cells(false))
	}
	return out
}

// TestInvestRevisions: a new version of a project replaces the old one, a
// funds import replaces the rows of the months it holds, both audited; a
// bad import writes nothing.
func TestInvestRevisions(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		l := exampleLedger(t)
		storetest.StoreLedger(t, db, alice, l)
		o := invest.Options{Level: invest.LevelCounty, Scope: invest.ScopePrefecture, From: 202401, To: 202412, OverdueMonths: 6}
		funds := func() string {
			rows, err := db.InvestMetrics(ctx, o)
			if err != nil {
				t.Fatal(err)
			}
			return rows[1].Cells(false)[3] // 620622
		}
		if got := funds(); got != "4.2" {
			t.Fatalf("620622 funds %s, want 4.2", got)
		}
		// SL-2024-001's investor turns out to be from 凉州区 (the same
		// prefecture): its 3.5 no longer counts. Its increase keeps the
		// investor it took from it when imported (上海): 4.2 − 3.5 = 0.7.
		p := l.Projects[0]
		p.InvestorLoc, p.InvestorCode = "620602", ""
		if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "fix.csv"}, []invest.Project{p}); err != nil {
			t.Fatal(err)
		}
		if got := funds(); got != "0.7" {
			t.Errorf("after the correction 620622 funds %s, want 0.7", got)
		}
		// Re-reporting June 2024 of SL-2024-001 (2 亿元) as 1.2 亿元 paid
		// from 上海 (出资方所在地): 0.7 + 1.2 = 1.9.
		if _, err := db.ImportInvestFunds(ctx, alice, store.RevisionNote{Source: "june.csv"}, []store.InvestFunds{
			{ProjectID: "SL-2024-001", Funds: invest.Funds{Month: 202406, Amount: 120000000, Source: invest.SourceOwn, Evidence: true, PayerLoc: "310115"}},
		}); err != nil {
			t.Fatal(err)
		}
		if got := funds(); got != "1.9" {
			t.Errorf("after re-reporting June 620622 funds %s, want 1.9", got)
		}
		// An increase on an unknown project: refused, nothing written.
		before, _ := db.LatestRevision(ctx)
		_, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "bad.csv"},
			[]invest.Project{{ID: "X1", County: "620622", IncreaseOf: "NOPE"}})
		if !errors.Is(err, store.ErrInvalid) {
			t.Errorf("increase of an unknown project: %v", err)
		}
		if after, _ := db.LatestRevision(ctx); after != before {
			t.Errorf("revision %d after a refused import, want %d", after, before)
		}
		audit, err := db.AuditLog(ctx, store.AuditFilter{Entity: "invest_projects"})
		if err != nil || len(audit) != 2 {
			t.Errorf("audit of project imports: %d rows, %v", len(audit), err)
		}
	})
}

func TestInvestStages(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		storetest.StoreLedger(t, db, alice, exampleLedger(t))
		// SL-2024-002 was imported as signed (签约日期, no start).
		c, err := db.RecordInvestStage(ctx, alice, "SL-2024-002", invest.StageRegistered, 20240801, "营业执照")
		if err != nil || c.From != invest.StageSigned {
			t.Fatalf("%+v %v", c, err)
		}
		if _, err := db.RecordInvestStage(ctx, alice, "SL-2024-002", invest.StageTalks, 20240802, ""); !errors.Is(err, store.ErrConflict) {
			t.Errorf("backwards: %v", err)
		}
		if _, err := db.RecordInvestStage(ctx, alice, "NOPE", invest.StageTalks, 20240802, ""); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown project: %v", err)
		}
		if _, err := db.RecordInvestStage(ctx, alice, "SL-2024-002", invest.StageStarted, 20240901, ""); err != nil {
			t.Fatal(err)
		}
		cs, err := db.InvestStageChanges(ctx, "SL-2024-002")
		if err != nil || len(cs) != 2 || cs[1].From != invest.StageRegistered || cs[1].Day != 20240901 || cs[1].RecordedBy != "alice" {
			t.Errorf("%+v %v", cs, err)
		}
		audit, _ := db.AuditLog(ctx, store.AuditFilter{Entity: "invest_project", EntityID: "SL-2024-002"})
		if len(audit) != 2 {
			t.Errorf("%d audit rows, want 2", len(audit))
		}
	})
}

// TestInvestBackupRestore: the ledger, its stage changes and its facts go
// through a backup and a restore, across databases, and give the same
// metrics.
func TestInvestBackupRestore(t *testing.T) {
	open := map[string]func(testing.TB) *store.DB{"sqlite": storetest.MustOpen, "postgres": storetest.MustOpenPostgres}
	for _, pair := range [][2]string{{"sqlite", "postgres"}, {"postgres", "sqlite"}} {
		t.Run(pair[0]+"→"+pair[1], func(t *testing.T) {
			src, dst := open[pair[0]](t), open[pair[1]](t)
			storetest.StoreLedger(t, src, alice, exampleLedger(t))
			if _, err := src.RecordInvestStage(ctx, alice, "SL-2024-002", invest.StageRegistered, 20240801, ""); err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := src.Backup(ctx, &b); err != nil {
				t.Fatal(err)
			}
			if err := dst.Restore(ctx, store.System, &b); err != nil {
				t.Fatal(err)
			}
			o := invest.Options{Level: invest.LevelCounty, Scope: invest.ScopePrefecture, From: 202401, To: 202412, Cohort: "第三十届兰洽会", OverdueMonths: 6}
			want, err := src.InvestMetrics(ctx, o)
			if err != nil {
				t.Fatal(err)
			}
			got, err := dst.InvestMetrics(ctx, o)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(rowCells(want), rowCells(got)); diff != "" {
				t.Errorf("restored metrics (-backup +restored):\n%s", diff)
			}
			if cs, err := dst.InvestStageChanges(ctx, "SL-2024-002"); err != nil || len(cs) != 1 {
				t.Errorf("restored stage changes %+v, %v", cs, err)
			}
			// The next change continues from the restored one.
			if _, err := dst.RecordInvestStage(ctx, alice, "SL-2024-002", invest.StageStarted, 20240901, ""); err != nil {
				t.Errorf("stage after restore: %v", err)
			}
		})
	}
}
