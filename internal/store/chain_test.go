package store_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
)

// testChain is a chain of three nodes: ore → smelting → metal products,
// with every part filled in.
func testChain() store.Chain {
	return store.Chain{Code: "YS", Name: "有色金属产业链（示例）", LeaderPost: "分管副省长", LeadDept: "工业和信息化厅",
		Rules: chain.Rules{MinLocal: 1, NeedPipeline: true, MinSupply: 0.3},
		Nodes: []chain.Node{
			{Code: "N1", Name: "采选", Segment: chain.Upstream, Industries: []string{"B09"}},
			{Code: "N2", Name: "冶炼", Segment: chain.Midstream, Industries: []string{"C32"}, Inputs: []string{"N1"}},
			{Code: "N3", Name: "金属制品", Segment: chain.Downstream, Industries: []string{"C33", "C34"}, Inputs: []string{"N2"}},
		},
		Members:   []store.ChainMember{{Username: "bob", Duty: "专班成员"}},
		Tasks:     []store.ChainTask{{Year: 2024, Title: "引进配套企业 3 家", Status: store.TaskActive}},
		Keys:      []store.ChainKey{{Kind: store.ChainKeyRegion, Name: "长三角"}, {Kind: store.ChainKeyProject, Ref: "P1", Name: "示例项目"}},
		Leads:     []store.ChainLead{{USCC: mujun.CompleteUSCC("91620100MA0000001"), Name: "示例甲冶炼", County: "620121", NamedYear: 2023}},
		Excellent: []store.ChainExcellent{{Year: 2024, USCC: mujun.CompleteUSCC("91620100MA0000001"), Name: "示例甲冶炼"}},
		Places:    []string{"620121", "620171"},
		Supply:    []store.ChainSupply{{Node: "N2", Place: "620100", Year: 2023, Ratio: 0.2}, {Node: "N2", Place: "620100", Year: 2024, Ratio: 0.4}},
	}
}

func TestSaveChain(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		c := testChain()
		id, err := db.SaveChain(ctx, alice, c)
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.ChainByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := c
		want.ID, want.UpdatedBy = id, "alice"
		// Keys come back by kind (project before region).
		want.Keys = []store.ChainKey{c.Keys[1], c.Keys[0]}
		if d := cmp.Diff(want, got, cmpopts.IgnoreFields(store.Chain{}, "UpdatedAt")); d != "" {
			t.Errorf("ChainByID (-want +got):\n%s", d)
		}
		// The newest report not after the year: 0.2 in 2023, 0.4 from 2024.
		if d := cmp.Diff([]chain.Supply{{Node: "N2", Place: "620100", Ratio: 0.2}}, store.ChainSupplyOf(&got, 2023)); d != "" {
			t.Errorf("supply 2023 (-want +got):\n%s", d)
		}
		if d := cmp.Diff([]chain.Supply{{Node: "N2", Place: "620100", Ratio: 0.4}}, store.ChainSupplyOf(&got, 0)); d != "" {
			t.Errorf("supply newest (-want +got):\n%s", d)
		}

		// Saving again replaces everything: one node fewer, no tasks.
		c.Nodes, c.Tasks, c.Supply = c.Nodes[:2], nil, nil
		if id2, err := db.SaveChain(ctx, alice, c); err != nil || id2 != id {
			t.Fatalf("second save = %d, %v", id2, err)
		}
		got, _ = db.ChainByCode(ctx, "YS")
		if len(got.Nodes) != 2 || len(got.Tasks) != 0 || len(got.Leads) != 1 {
			t.Errorf("replaced chain %+v", got)
		}

		// All or nothing: an invalid map writes nothing.
		bad := testChain()
		bad.Nodes[0].Inputs = []string{"N3"} // N1 ← N3 ← N2 ← N1: a circle
		bad.Name = "改坏了"
		if _, err := db.SaveChain(ctx, alice, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("cyclic chain: %v, want ErrInvalid", err)
		}
		if got, _ := db.ChainByCode(ctx, "YS"); got.Name != c.Name {
			t.Errorf("a refused save changed the chain: %q", got.Name)
		}
		cs, err := db.Chains(ctx)
		if err != nil || len(cs) != 1 || len(cs[0].Nodes) != 2 || cs[0].Tasks != nil {
			t.Errorf("Chains = %+v, %v", cs, err)
		}
		if _, err := db.ChainByID(ctx, 999); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown chain: %v", err)
		}
	})
}

// TestChainTargetSigned walks a node weak only for want of a pipeline
// project to a signed target, which becomes a ledger project on the node,
// and the node is no longer weak.
func TestChainTargetSigned(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		id, err := db.SaveChain(ctx, alice, testChain())
		if err != nil {
			t.Fatal(err)
		}
		c, _ := db.ChainByID(ctx, id)
		// One local enterprise in each node (MinLocal 1) in 620121.
		var es []store.ZoneEnterprise
		for i, ind := range []string{"B0911", "C3211", "C3311"} {
			es = append(es, store.ZoneEnterprise{Year: 2024, Zone: "620171", USCC: mujun.CompleteUSCC("91620100MA000010" + string(rune('1'+i))),
				Name: "示例企业" + ind, Industry: ind, County: "620121", Output: 100})
		}
		if _, err := db.ReplaceZoneEnterprises(ctx, alice, 2024, nil, es, "企业.xlsx"); err != nil {
			t.Fatal(err)
		}
		// A project in talks on N1 (by industry) and one in production on N2.
		ps := []invest.Project{
			{ID: "P1", Name: "采矿", County: "620121", Industry: "B0911", Stage: invest.StageTalks},
			{ID: "P2", Name: "冶炼", County: "620121", Industry: "C3212", Signed: 20230101, ActualStart: 20230301, ActualProd: 20240101},
		}
		if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "p.csv"}, ps); err != nil {
			t.Fatal(err)
		}
		weak := func() map[string][]chain.Reason {
			in, err := db.ChainInputs(ctx, 2024)
			if err != nil {
				t.Fatal(err)
			}
			out := map[string][]chain.Reason{}
			for _, s := range chain.Assess(c.Map(), "620121", in.Enterprises, in.Projects, nil) {
				out[s.Node] = s.Reasons
			}
			return out
		}
		// N1 has P1; N2 has a producing project only (not pipeline); N3 nothing.
		want := map[string][]chain.Reason{"N1": nil, "N2": {chain.ReasonNoPipeline}, "N3": {chain.ReasonNoPipeline}}
		if d := cmp.Diff(want, weak()); d != "" {
			t.Fatalf("before (-want +got):\n%s", d)
		}

		uscc := mujun.CompleteUSCC("91310000MA0000009")
		// Another county spoke to the firm first (首报首谈).
		if _, _, err := db.RegisterInvestContact(ctx, alice, store.InvestContact{InvestorCode: uscc, Investor: "示例丙制品",
			County: "620821", Day: 20240201}); err != nil {
			t.Fatal(err)
		}
		tg, err := db.AddChainTarget(ctx, alice, store.ChainTarget{ChainID: id, Node: "N3", County: "620121", Name: "示例丙制品",
			USCC: uscc, Location: "310000", Officer: "招商局一科"}, 20240301, "名录筛选")
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []store.ChainTarget{
			{ChainID: id, Node: "N9", County: "620121", Name: "x"},
			{ChainID: id, Node: "N3", County: "620121", Name: "x", USCC: "91310000MA00000090"},
			{ChainID: id, Node: "N3", County: "", Name: "x"},
		} {
			if _, err := db.AddChainTarget(ctx, alice, bad, 20240301, ""); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("AddChainTarget(%+v) = %v, want ErrInvalid", bad, err)
			}
		}
		if err := db.MoveChainTarget(ctx, alice, tg.ID, chain.StatusVisited, 20240310, "上门拜访", "", nil); err != nil {
			t.Fatal(err)
		}
		if err := db.MoveChainTarget(ctx, alice, tg.ID, chain.StatusContacted, 20240311, "", "", nil); !errors.Is(err, store.ErrConflict) {
			t.Errorf("moving back: %v, want ErrConflict", err)
		}
		if err := db.MoveChainTarget(ctx, alice, tg.ID, chain.StatusSigned, 20240320, "", "", nil); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("signing without a project: %v, want ErrInvalid", err)
		}
		if err := db.MoveChainTarget(ctx, alice, tg.ID, chain.StatusSigned, 20240320, "签约", "",
			&store.Signing{ProjectID: "P1", Name: "重复"}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("signing as an existing project: %v, want ErrConflict", err)
		}
		if err := db.MoveChainTarget(ctx, alice, tg.ID, chain.StatusSigned, 20240320, "签约", "",
			&store.Signing{ProjectID: "P2", Existing: true}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("signing as an existing project on no node: %v, want ErrConflict", err)
		}
		if err := db.MoveChainTarget(ctx, alice, tg.ID, chain.StatusSigned, 20240320, "签约", "",
			&store.Signing{ProjectID: "P9", Existing: true}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("signing as an unknown existing project: %v, want ErrInvalid", err)
		}
		if err := db.MoveChainTarget(ctx, alice, tg.ID, chain.StatusSigned, 20240320, "签约", "",
			&store.Signing{ProjectID: "CT-1", Name: "示例丙制品项目", Zone: "620171", Amount: 3 * invest.AmountScale}); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(map[string][]chain.Reason{"N1": nil, "N2": {chain.ReasonNoPipeline}, "N3": nil}, weak()); d != "" {
			t.Errorf("after signing (-want +got):\n%s", d)
		}

		got, err := db.ChainTarget(ctx, tg.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != chain.StatusSigned || got.ProjectID != "CT-1" || got.SignedDay != 20240320 || got.ChainCode != "YS" {
			t.Errorf("signed target %+v", got)
		}
		var moves []string
		for _, n := range got.Notes {
			moves = append(moves, string(n.From)+"→"+string(n.To))
		}
		if d := cmp.Diff([]string{"→识别", "识别→拜访", "拜访→签约"}, moves); d != "" {
			t.Errorf("notes (-want +got):\n%s", d)
		}
		// The register: 620821 first (2024-02-01), then this county at its first move.
		var counties []string
		for _, c := range got.Contacts {
			counties = append(counties, c.County+" "+c.Day.String())
		}
		if d := cmp.Diff([]string{"620821 2024-02-01", "620121 2024-03-10"}, counties); d != "" {
			t.Errorf("first contacts (-want +got):\n%s", d)
		}
		// Linked both ways.
		back, err := db.ChainTargetOfProject(ctx, "CT-1")
		if err != nil || back.ID != tg.ID {
			t.Errorf("ChainTargetOfProject = %+v, %v", back, err)
		}
		l, _ := db.InvestLedger(ctx)
		var p invest.Project
		for _, q := range l.Projects {
			if q.ID == "CT-1" {
				p = q
			}
		}
		if p.ChainNode != "YS/N3" || p.InvestorCode != uscc || p.InvestorLoc != "310000" || p.Signed != 20240320 || p.Stage != invest.StageSigned {
			t.Errorf("ledger project %+v", p)
		}
		// The indicators: 620121 and the zone 620171 list YS as a key chain.
		ks, _ := db.ChainKeyed(ctx)
		var signed []chain.Signed
		for _, q := range l.Projects {
			s := chain.Signed{Project: chain.Project{ID: q.ID, County: q.County, Industry: q.Industry}, Zone: q.Zone, Day: q.Signed}
			s.Chain, s.Node, _ = strings.Cut(q.ChainNode, "/")
			signed = append(signed, s)
		}
		// 2024: CT-1 in 620121 and 620171 (P2 was signed in 2023, P1 not at all).
		if d := cmp.Diff(map[string]int{"620121": 1, "620171": 1}, chain.SignedProjects(ks, signed, 2024)); d != "" {
			t.Errorf("signed projects (-want +got):\n%s", d)
		}
		sts, err := db.ChainSignedTargets(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]chain.SignedTarget{{Chain: "YS", Node: "N3", County: "620121", Zone: "620171", Day: 20240320}}, sts); d != "" {
			t.Errorf("signed targets (-want +got):\n%s", d)
		}
		// A node with a target cannot be removed.
		c2 := testChain()
		c2.Nodes = c2.Nodes[:2]
		if _, err := db.SaveChain(ctx, alice, c2); !errors.Is(err, store.ErrConflict) {
			t.Errorf("removing N3: %v, want ErrConflict", err)
		}
		// Size lists by code or name.
		if err := db.ReplaceSizeList(ctx, alice, "民营500强", 2024, []store.SizeListEntry{{Position: 1, Name: "示例丙制品"}}); err != nil {
			t.Fatal(err)
		}
		if err := db.ReplaceSizeList(ctx, alice, "世界500强", 2024, []store.SizeListEntry{{Position: 7, Name: "别名", USCC: uscc}}); err != nil {
			t.Fatal(err)
		}
		if err := db.ReplaceSizeList(ctx, alice, "百强", 2024, nil); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("unknown list: %v", err)
		}
		ts, err := db.ChainTargets(ctx, store.ChainTargetFilter{ChainID: id})
		if err != nil || len(ts) != 1 {
			t.Fatalf("ChainTargets = %v, %v", ts, err)
		}
		if d := cmp.Diff([]string{"世界500强", "民营500强"}, ts[0].Lists); d != "" {
			t.Errorf("lists (-want +got):\n%s", d)
		}
		if ts, _ := db.ChainTargets(ctx, store.ChainTargetFilter{Covers: func(c string) bool { return c == "620821" }}); len(ts) != 0 {
			t.Errorf("620821 sees %d targets", len(ts))
		}
	})
}
