package seed_test

import (
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
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
