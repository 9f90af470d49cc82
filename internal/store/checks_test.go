package store_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// TestCheckRules: the defaults are installed once, on first use; a rule is
// validated, names known indicators, reads back as written, and is
// disabled rather than deleted.
func TestCheckRules(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		for range 2 {
			rs, err := db.CheckRules(ctx)
			if err != nil || len(rs) != 2 || rs[0].Kind != workflow.KindChange || rs[1].Kind != workflow.KindHistory {
				t.Fatalf("CheckRules = %+v, %v; want the two defaults", rs, err)
			}
		}
		sign := workflow.Rule{Name: "GDP 非负", Kind: workflow.KindBounds, Severity: workflow.Hard, Indicator: "gdp",
			Lo: 0, Hi: math.NaN(), Enabled: true}
		got, err := db.PutCheckRule(ctx, alice, sign)
		if err != nil || got.ID == 0 {
			t.Fatalf("PutCheckRule = %+v, %v", got, err)
		}
		sign.ID = got.ID
		if diff := cmp.Diff(sign, got, cmpopts.EquateNaNs()); diff != "" {
			t.Errorf("stored rule (-want +got):\n%s", diff)
		}
		sum := workflow.Rule{Name: "合计", Kind: workflow.KindSum, Severity: workflow.Hard, Indicator: "gdp",
			Parts: []string{"rev", "gdp2"}, Threshold: 0.01, Lo: math.NaN(), Hi: math.NaN(), Enabled: true}
		if _, err := db.PutCheckRule(ctx, alice, sum); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("rule naming an unknown indicator: %v, want ErrInvalid", err)
		}
		if _, err := db.PutCheckRule(ctx, alice, workflow.Rule{Name: "x", Kind: "vibes"}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("invalid rule: %v, want ErrInvalid", err)
		}
		sign.Enabled = false
		if got, err := db.PutCheckRule(ctx, alice, sign); err != nil || got.Enabled || got.ID != sign.ID {
			t.Errorf("disabling: %+v, %v", got, err)
		}
		rs, _ := db.CheckRules(ctx)
		if len(rs) != 3 {
			t.Errorf("%d rules, want 3", len(rs))
		}
		if log, _ := db.AuditLog(ctx, store.AuditFilter{Entity: "check_rule"}); len(log) != 3 {
			t.Errorf("%d audit rows of rules, want defaults, create, update", len(log))
		}
	})
}

// TestHeldImportExplained: the check input of a figure holds last year's
// value, its history oldest first and the period's other stored figures; a
// held import committed with its explanations is one revision with the
// explanations beside it, once; an explanation of nothing is refused; an
// explanation never changes.
func TestHeldImportExplained(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		var past []store.Observation
		for i, p := range []string{"2020", "2021", "2022"} {
			past = append(past, obs("620123", "gdp", p, float64(90+5*i)))
		}
		past = append(past, obs("620123", "rev", "2023", 7), obs("620123", "gdp", "2023-M06", 50))
		if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, past); err != nil {
			t.Fatal(err)
		}
		figs := []workflow.Figure{{Unit: "620123", Indicator: "gdp", Value: 140}}
		in, err := db.CheckInput(ctx, "2023", figs)
		if err != nil {
			t.Fatal(err)
		}
		k := workflow.Key{Unit: "620123", Indicator: "gdp"}
		if in.Previous[k] != 100 || !cmp.Equal(in.History[k], []float64{90, 95, 100}) ||
			in.Stored[workflow.Key{Unit: "620123", Indicator: "rev"}] != 7 || in.Measures["gdp"] != "亿元" {
			t.Errorf("CheckInput = %+v", in)
		}
		rules, err := db.CheckRules(ctx)
		if err != nil {
			t.Fatal(err)
		}
		fs := workflow.Evaluate(rules, in)
		if len(fs) != 2 {
			t.Fatalf("findings %+v, want the change and the history", fs)
		}

		rows := []store.Observation{obs("620123", "gdp", "2023", 140), obs("620122", "gdp", "2023", math.NaN())}
		held, err := db.HoldImport(ctx, tjj, store.PendingImport{Department: "统计局", Period: "2023", Source: "a.xlsx",
			Rows: rows, Findings: []store.Finding{{RuleID: fs[0].RuleID, Unit: "620123", Indicator: "gdp", MessageZH: "变动", Place: "a.xlsx:数据!E3"}}})
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.PendingImportByID(ctx, held.ID)
		if err != nil || got.State != "pending" || len(got.Rows) != 2 || !math.IsNaN(got.Rows[1].Value) || got.Findings[0].Place != "a.xlsx:数据!E3" {
			t.Fatalf("PendingImportByID = %+v, %v", got, err)
		}
		if ps, _ := db.PendingImports(ctx, "tjj", ""); len(ps) != 1 {
			t.Errorf("pending imports of tjj: %d, want 1", len(ps))
		}
		exp := []store.Explanation{{Unit: "620123", Indicator: "gdp", Period: "2023", Findings: "变动", Text: "新建大型项目投产"}}
		if _, err := db.ImportExplained(ctx, tjj, store.RevisionNote{Kind: "import"}, got.Rows,
			[]store.Explanation{{Unit: "620821", Indicator: "gdp", Period: "2023", Text: "x"}}, held.ID); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("explanation of a figure not imported: %v, want ErrInvalid", err)
		}
		rev, err := db.ImportExplained(ctx, tjj, store.RevisionNote{Kind: "import", Source: "a.xlsx"}, got.Rows, exp, held.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ImportExplained(ctx, tjj, store.RevisionNote{Kind: "import"}, got.Rows, exp, held.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("committing twice: %v, want ErrConflict", err)
		}
		es, err := db.Explanations(ctx, store.ExplanationFilter{Period: "2023", Department: "统计局"})
		if err != nil || len(es) != 1 || es[0].Revision != rev.ID || es[0].Text != "新建大型项目投产" || es[0].Username != "tjj" {
			t.Errorf("Explanations = %+v, %v; want one of revision %d", es, err, rev.ID)
		}
		if es, _ := db.Explanations(ctx, store.ExplanationFilter{Department: "财政厅"}); len(es) != 0 {
			t.Errorf("explanations of 财政厅: %+v", es)
		}
		if o, err := db.Observation(ctx, store.ObservationKey{Unit: "620123", Indicator: "gdp", Period: "2023"}, store.Latest); err != nil || o.Value != 140 || o.Revision != rev.ID {
			t.Errorf("the explained figure: %+v, %v", o, err)
		}
		if p, _ := db.PendingImportByID(ctx, held.ID); p.State != "committed" || p.Revision != rev.ID {
			t.Errorf("held import after commit: %s, revision %d", p.State, p.Revision)
		}
		if err := db.ExecForTest(ctx, `UPDATE observation_explanations SET explanation = 'x'`); !errors.Is(err, store.ErrImmutable) {
			t.Errorf("changing an explanation: %v, want ErrImmutable", err)
		}
		other, err := db.HoldImport(ctx, tjj, store.PendingImport{Period: "2023", Rows: rows[:1], Findings: []store.Finding{{Unit: "620123"}}})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.CancelImport(ctx, tjj, other.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.CancelImport(ctx, tjj, other.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("cancelling twice: %v, want ErrConflict", err)
		}
	})
}
