package seed_test

import (
	"testing"

	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestLoadDemoChains: the demo has the fourteen chains (示例), each with a
// 链主, weak links in the province and in its counties, and targets in
// every status; each signed target names a ledger project on its node.
func TestLoadDemoChains(t *testing.T) {
	db := storetest.MustOpen(t)
	if _, err := seed.LoadDemo(ctx, db, ""); err != nil {
		t.Fatal(err)
	}
	cs, err := db.Chains(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 14 {
		t.Fatalf("%d chains, want 14", len(cs))
	}
	in, err := db.ChainInputs(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if in.Year != seed.ZoneEnterpriseYear || len(in.Enterprises) == 0 || len(in.Projects) == 0 {
		t.Fatalf("inputs: year %d, %d enterprises, %d projects", in.Year, len(in.Enterprises), len(in.Projects))
	}
	statuses := map[chain.Status]int{}
	for _, c := range cs {
		full, err := db.ChainByID(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		weak, placed := 0, 0
		for _, s := range chain.Assess(full.Map(), "620000", in.Enterprises, in.Projects, store.ChainSupplyOf(&full, 0)) {
			if s.Weak() {
				weak++
			}
			placed += s.Enterprises
		}
		if weak == 0 || len(full.Leads) != 1 || len(full.Tasks) == 0 || len(full.Places) == 0 {
			t.Errorf("%s: %d weak nodes, 链主 %v, %d tasks, %d places", c.Name, weak, full.Leads, len(full.Tasks), len(full.Places))
		}
		t.Logf("%s: %d nodes, %d weak in the province, %d enterprises placed", c.Name, len(c.Nodes), weak, placed)
		ts, err := db.ChainTargets(ctx, store.ChainTargetFilter{ChainID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, tg := range ts {
			statuses[tg.Status]++
			if tg.Status == chain.StatusSigned {
				back, err := db.ChainTargetOfProject(ctx, tg.ProjectID)
				if err != nil || back.ID != tg.ID {
					t.Errorf("%s: signed target %d's project %q: %v", c.Name, tg.ID, tg.ProjectID, err)
				}
			}
		}
	}
	for _, s := range chain.Statuses {
		if statuses[s] != 14 {
			t.Errorf("%d targets at %s, want 14", statuses[s], s)
		}
	}
}
