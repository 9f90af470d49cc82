package seed_test

import (
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestFollowupDemo: the demo puts key projects under follow-up in every
// status on the ledger's latest day, incentives with every flag, default
// actions on those in breach, 包抓 leaders, and problems raised from
// projects behind schedule (some overdue) and from a zone warning.
func TestFollowupDemo(t *testing.T) {
	db := storetest.MustOpen(t)
	if _, err := seed.LoadDemo(ctx, db, ""); err != nil {
		t.Fatal(err)
	}
	last, _ := db.InvestLastMonth(ctx)
	rs, err := db.FollowupRecords(ctx, store.FollowupFilter{})
	if err != nil {
		t.Fatal(err)
	}
	statuses, flags, defaults, own := map[followup.Status]int{}, map[followup.Flag]int{}, 0, 0
	for _, r := range rs {
		if len(r.Years) == 0 {
			continue // a key project under follow-up for its 包抓 leader only
		}
		st := followup.Assess(r.Rule(), last.Last(), followup.DefaultRules).Status
		statuses[st]++
		for _, in := range r.Incentives {
			flags[in.Review()]++
		}
		if len(r.Defaults) > 0 && st != followup.Breach {
			t.Errorf("%s: default actions but %s", r.Project.ID, st)
		}
		defaults += len(r.Defaults)
		if r.Project.County == "620102" {
			own++
		}
	}
	if statuses[followup.Normal] != 4 || statuses[followup.Warn] != 4 || statuses[followup.Breach] != 4 || defaults != 8 {
		t.Errorf("statuses %v, %d default actions; want 4 of each, 8", statuses, defaults)
	}
	for _, f := range []followup.Flag{followup.FlagNone, followup.FlagProhibited, followup.FlagLegacy, followup.FlagReview} {
		if flags[f] == 0 {
			t.Errorf("no incentive flagged %q: %v", f, flags)
		}
	}
	if own == 0 {
		t.Error("the demo county user has no project under follow-up")
	}
	ks, _ := db.FollowupKeyProjects(ctx, store.FollowupFilter{}, followup.DefaultRules.KeyAmount)
	led := 0
	for _, k := range ks {
		if k.Leader != "" {
			led++
		}
	}
	if led < 40 {
		t.Errorf("%d key projects with a leader, want ≥ 40", led)
	}
	ps, _ := db.Problems(ctx, store.ProblemFilter{Source: "project"})
	overdue := 0
	for _, p := range ps {
		if p.Overdue(time.Now()) {
			overdue++
		}
		if p.LinkProject == "" {
			t.Errorf("problem %d has no project", p.ID)
		}
	}
	if len(ps) != 8 || overdue < 2 {
		t.Errorf("%d project problems, %d overdue; want 8, ≥ 2", len(ps), overdue)
	}
	if zs, _ := db.Problems(ctx, store.ProblemFilter{Source: "zone"}); len(zs) != 1 || zs[0].LinkYear != 2025 || zs[0].LinkAction != "退出预警" {
		t.Errorf("zone problems %+v", zs)
	}
}
