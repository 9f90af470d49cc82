package seed_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// TestMonitorDemo: the demo loads the monitoring data: 2023 figures of
// the 86 counties, the release calendar, targets that add up, and
// problems in every state of the 督办 loop, overdue ones escalated.
func TestMonitorDemo(t *testing.T) {
	db := storetest.MustOpen(t)
	if _, err := seed.LoadDemo(ctx, db, ""); err != nil {
		t.Fatal(err)
	}
	figs, err := db.MonitorFigures(ctx, store.MonitorFigureFilter{FromYear: 2023, ToYear: 2023})
	if err != nil {
		t.Fatal(err)
	}
	units, prelim := map[string]bool{}, 0
	for _, f := range figs {
		units[f.Unit] = true
		if f.Stage == store.StagePreliminary {
			prelim++
		}
	}
	if len(units) != 87 || prelim != 87 { // 86 counties and the province; December's retail preliminary
		t.Errorf("%d units, %d preliminary figures", len(units), prelim)
	}
	rs, _ := db.MonitorReleases(ctx, 2023)
	if len(rs) != 11 || rs[0].Month != 2 {
		t.Errorf("releases %v", rs)
	}
	ps, err := db.Problems(ctx, store.ProblemFilter{})
	if err != nil {
		t.Fatal(err)
	}
	states, escalated, overdue := map[string]int{}, 0, 0
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range ps {
		states[p.State]++
		if p.Escalation > 0 {
			escalated++
		}
		if p.Overdue(now) {
			overdue++
		}
	}
	for _, s := range []string{store.ProblemListed, store.ProblemOrdered, store.ProblemReplied, store.ProblemClosing, store.ProblemClosed} {
		if states[s] == 0 {
			t.Errorf("no problem %s: %v", s, states)
		}
	}
	if len(ps) < 9 || escalated < 4 || overdue < 5 { // 7 from monitoring, the others from zones and projects (followup.go)
		t.Errorf("%d problems, %d escalated, %d overdue", len(ps), escalated, overdue)
	}
}

// TestMonitorDemoCollected: the demo's 2023 figures came in through the
// collection tasks: every period 1–2月 … 1–12月 has its tasks (4 codes a
// month, 9 at a quarter's end — 统计局's GDP, its growth and energy
// intensity's growth only then), each supplied on time by all 86
// counties; each period adopted as final, December's retail also as
// preliminary; and the month before today has open tasks.
func TestMonitorDemoCollected(t *testing.T) {
	db := storetest.MustOpen(t)
	if _, err := seed.LoadDemo(ctx, db, ""); err != nil {
		t.Fatal(err)
	}
	for m := 2; m <= 12; m++ {
		period := fmt.Sprintf("2023-M%02d", m)
		ts, err := db.Tasks(ctx, store.TaskFilter{Period: period})
		if err != nil {
			t.Fatal(err)
		}
		// Monthly: m_fai, m_fai_growth, m_fiscal, m_funds, m_ind_growth,
		// m_retail = 6; a quarter's end adds m_gdp, m_gdp_growth,
		// m_energy_growth = 9.
		want := 6
		if m%3 == 0 {
			want = 9
		}
		sup, err := db.Supply(ctx, ts, time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC))
		if err != nil || len(sup) != want {
			t.Fatalf("%s: %d tasks, want %d (%v)", period, len(sup), want, err)
		}
		for _, s := range sup {
			if s.Status != workflow.TaskSupplied || s.Supplied != 86 {
				t.Errorf("%s %s: %s with %d of %d", period, s.Indicator, s.Status, s.Supplied, s.Expected)
			}
		}
	}
	ads, err := db.MonitorAdoptions(ctx, 2023)
	if err != nil || len(ads) != 12 || ads[0].Month != 12 || ads[0].Stage != store.StagePreliminary {
		t.Fatalf("adoptions %+v, %v: want 11 final and December's preliminary last", ads, err)
	}
	now := time.Now().UTC()
	last := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	month := max(int(last.Month()), 2)
	open, err := db.Tasks(ctx, store.TaskFilter{Period: fmt.Sprintf("%d-M%02d", last.Year(), month)})
	if err != nil || len(open) == 0 {
		t.Fatalf("open tasks of the month before today: %+v, %v", open, err)
	}
	sup, _ := db.Supply(ctx, open, now)
	if sup[0].Status != workflow.TaskOpen {
		t.Errorf("the current task is %s, want open", sup[0].Status)
	}
}
