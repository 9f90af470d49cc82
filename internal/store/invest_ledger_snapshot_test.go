package store_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/invest/investtest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestInvestLedgerSnapshot: a ledger changed by every kind of change — the
// projects, their funds, a verification, funds replacing the verified month
// (built on the stored snapshot alone) and new ones, new versions of
// projects and a new one, a settlement of two projects, funds after it —
// stores after each change a snapshot equal to the ledger read from the
// rows as of that revision, and only the latest; funds of the settled
// duplicate are refused. Read again from a
// fresh memory (as a new process does), the ledger as of every revision and
// the current ledger equal the rows' (the latest through the snapshot, the
// older ones through the rows).
func TestInvestLedgerSnapshot(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		l := investtest.BigLedger(120) // P000000–P000119, 1,200 funds rows; P000049 an increase of P000048
		yi := invest.Amount(100_000_000)
		var revs []int64
		check := func(what string, rev int64) {
			t.Helper()
			revs = append(revs, rev)
			rows, err := db.InvestLedgerRowsForTest(ctx, rev)
			if err != nil {
				t.Fatal(err)
			}
			snap, err := db.InvestLedgerSnapshotForTest(ctx, rev)
			if err != nil || snap == nil {
				t.Fatalf("%s: no snapshot of revision %d (%v)", what, rev, err)
			}
			if diff := cmp.Diff(rows, snap); diff != "" {
				t.Errorf("%s: snapshot of revision %d (-rows +snapshot):\n%s", what, rev, diff)
			}
			if len(revs) > 1 {
				if old, err := db.InvestLedgerSnapshotForTest(ctx, revs[len(revs)-2]); err != nil || old != nil {
					t.Errorf("%s: the snapshot before is still stored (%v)", what, err)
				}
			}
		}
		r, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "projects.csv"}, l.Projects)
		if err != nil {
			t.Fatal(err)
		}
		check("projects", r.ID)
		fs := make([]store.InvestFunds, len(l.Funds))
		for i, f := range l.Funds {
			fs[i] = store.InvestFunds{ProjectID: l.Projects[f.Project].ID, Funds: f}
		}
		if r, err = db.ImportInvestFunds(ctx, alice, store.RevisionNote{Source: "funds.csv"}, fs); err != nil {
			t.Fatal(err)
		}
		check("funds", r.ID)
		v, err := db.RecordInvestVerification(ctx, alice, "P000001", fs[10].Month, yi/1000, "抽查核减")
		if err != nil {
			t.Fatal(err)
		}
		check("verification", v.Revision)
		// From the stored snapshot (a new process): P000001's verified
		// month is replaced by two rows, P000002 gets a month paid from
		// Hong Kong.
		db.ForgetKeptLedgerForTest()
		if r, err = db.ImportInvestFunds(ctx, alice, store.RevisionNote{Source: "more.csv"}, []store.InvestFunds{
			{ProjectID: "P000001", Funds: invest.Funds{Month: fs[10].Month, Amount: 3 * yi, Source: invest.SourceOwn, Evidence: true}},
			{ProjectID: "P000001", Funds: invest.Funds{Month: fs[10].Month, Amount: yi, Source: invest.SourceGovernment}},
			{ProjectID: "P000002", Funds: invest.Funds{Month: 203001, Amount: yi, Source: invest.SourceShareholder, Evidence: true, PayerLoc: "HK"}},
		}); err != nil {
			t.Fatal(err)
		}
		check("funds replaced and added", r.ID)
		p5 := l.Projects[5]
		p5.Name, p5.Stage, p5.Investor = "示例冷链物流园（二期）", invest.StageLead, "示例投资有限公司"
		if r, err = db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "projects-2.csv"}, []invest.Project{p5,
			{ID: "Q-2024-001", Name: "示例光伏电站", County: "620602", Investor: "示例乙", InvestorLoc: "310115", Signed: 20240101, Amount: 2 * yi}}); err != nil {
			t.Fatal(err)
		}
		check("new versions", r.ID)
		s, err := db.SettleInvestDuplicate(ctx, alice, invest.Settlement{Kept: "P000010", Duplicate: "P000011",
			Location: l.Projects[10].County, Referrer: l.Projects[11].County, Reason: "同一项目"})
		if err != nil {
			t.Fatal(err)
		}
		check("settlement", s.Revision)
		if r, err = db.ImportInvestFunds(ctx, alice, store.RevisionNote{Source: "after.csv"}, []store.InvestFunds{
			{ProjectID: "Q-2024-001", Funds: invest.Funds{Month: 202402, Amount: yi, Source: invest.SourceOwn, Evidence: true}}}); err != nil {
			t.Fatal(err)
		}
		check("funds after the settlement", r.ID)
		if _, err := db.ImportInvestFunds(ctx, alice, store.RevisionNote{Source: "dropped.csv"}, []store.InvestFunds{
			{ProjectID: "P000011", Funds: invest.Funds{Month: 202402, Amount: yi, Source: invest.SourceOwn, Evidence: true}}}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("funds of the settled duplicate: %v, want ErrInvalid", err)
		}

		db.ForgetKeptLedgerForTest()
		for _, rev := range append(revs, 0) {
			want, err := db.InvestLedgerRowsForTest(ctx, rev)
			if err != nil {
				t.Fatal(err)
			}
			var got *invest.Ledger
			if rev == 0 {
				got, err = db.InvestLedger(ctx)
			} else {
				got, err = db.InvestLedgerAsOf(ctx, rev)
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("as of revision %d (-rows +read):\n%s", rev, diff)
			}
		}
	})
}

// TestInvestFundsRevisionChecked: a funds row naming a revision that does
// not exist is refused, inserted or superseded, on both databases (on
// PostgreSQL by one check per statement, migration 0023), and one naming an
// existing revision is taken.
func TestInvestFundsRevisionChecked(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		storetest.StoreLedger(t, db, alice, browseLedger())
		rev, err := db.LatestRevision(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name string
			sql  string
			ok   bool
		}{
			{"a known revision", `INSERT INTO invest_funds (revision_id, project_id, month, amount, source) VALUES ($1, 'B1', 202501, 1, '股东出资')`, true},
			{"an unknown revision", `INSERT INTO invest_funds (revision_id, project_id, month, amount, source) VALUES ($1 + 1000, 'B1', 202501, 1, '股东出资')`, false},
			{"superseded by an unknown revision", `UPDATE invest_funds SET superseded_by = $1 + 1000 WHERE project_id = 'B1'`, false},
			{"superseded by a known revision", `UPDATE invest_funds SET superseded_by = $1 WHERE project_id = 'B3'`, true},
		} {
			t.Run(c.name, func(t *testing.T) {
				if err := db.ExecForTest(ctx, c.sql, rev); (err == nil) != c.ok {
					t.Errorf("error %v, want ok=%v", err, c.ok)
				}
			})
		}
	})
}
