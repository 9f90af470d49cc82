package seed

import (
	"context"
	"fmt"
	"slices"

	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
)

// putChains stores the demo industrial chains (chains_data.go, each marked
// 示例) after the zones' enterprises and the ledger: for each, its counties,
// the 链主 — the largest demo zone enterprise on its nodes, named in 2023 —
// and the excellent-链主 lists, tasks, keys, a 本地配套率 low enough on one
// node to make it weak, and five target enterprises on weak nodes of one of
// its counties, one in each status; the signed ones are new ledger projects
// (示例) on their nodes, imported with the demo ledger (chainProjects). The
// size lists are invented too (示例).
func putChains(ctx context.Context, db *store.DB, actor store.Actor) error {
	picks, err := chainPicks(ctx, db)
	if err != nil {
		return err
	}
	in, err := db.ChainInputs(ctx, 0)
	if err != nil {
		return err
	}
	ids := make([]int64, len(demoChains))
	weak := make([][]string, len(demoChains))
	for i, dc := range demoChains {
		c := store.Chain{Code: dc.code, Name: dc.name + "（示例）", LeaderPost: dc.post + "（示例）", LeadDept: dc.dept,
			Note: "示例数据：节点、链主、任务与目标企业均为虚构", Rules: chain.Rules{MinLocal: dc.minLocal, NeedPipeline: true, MinSupply: 0.3},
			Nodes: dc.nodes, Places: picks[i].places}
		lead, leadNode := chainLead(c.Map(), in.Enterprises, c.Places, i)
		c.Leads = []store.ChainLead{lead}
		c.Excellent = []store.ChainExcellent{{Year: 2024, USCC: lead.USCC, Name: lead.Name}}
		if i%3 != 0 {
			c.Excellent = append(c.Excellent, store.ChainExcellent{Year: 2023, USCC: lead.USCC, Name: lead.Name})
		}
		c.Members = []store.ChainMember{{Username: "demo-analyst", Duty: "专班联络员"}}
		if dc.code == "SHHG" {
			c.Members = append(c.Members, store.ChainMember{Username: "demo-chengguan", Duty: "专班成员（县区）"})
		}
		c.Tasks = []store.ChainTask{
			{Year: 2024, Title: "绘制并发布本链图谱", Status: store.TaskDone},
			{Year: 2025, Title: fmt.Sprintf("引进薄弱环节配套企业 %d 家", 2+i%3), Status: store.TaskActive},
			{Year: 2025, Title: "培育链主企业 1 家", Status: store.TaskOpen, Note: "示例"},
		}
		c.Keys = []store.ChainKey{{Kind: store.ChainKeyEnterprise, Ref: lead.USCC, Name: lead.Name},
			{Kind: store.ChainKeyRegion, Name: demoRegions[i%len(demoRegions)]}, {Kind: store.ChainKeyRegion, Name: demoRegions[(i+2)%len(demoRegions)]}}
		if p := keyProject(c.Map(), in.Projects, c.Places); p != "" {
			c.Keys = append(c.Keys, store.ChainKey{Kind: store.ChainKeyProject, Ref: p, Name: p})
		}
		// The 链主's node in its prefecture: 本地配套率 below 0.3 on every
		// other chain, which makes the node weak there.
		if leadNode == "" {
			leadNode = dc.nodes[len(dc.nodes)/2].Code
		}
		ratio := 0.42
		if i%2 == 0 {
			ratio = 0.18
		}
		c.Supply = []store.ChainSupply{{Node: leadNode, Place: invest.PrefectureOf(lead.County), Year: 2024, Ratio: ratio}}
		if ids[i], err = db.SaveChain(ctx, actor, c); err != nil {
			return fmt.Errorf("seed: chain %s: %w", dc.code, err)
		}
		for _, s := range chain.Assess(c.Map(), picks[i].county, in.Enterprises, in.Projects, nil) {
			if s.Weak() && s.Node != picks[i].node {
				weak[i] = append(weak[i], s.Node)
			}
		}
		if len(weak[i]) == 0 {
			weak[i] = []string{picks[i].node}
		}
	}
	if err := putSizeLists(ctx, db, actor); err != nil {
		return err
	}
	for i := range demoChains {
		if err := putTargets(ctx, db, actor, i, ids[i], picks[i], weak[i]); err != nil {
			return fmt.Errorf("seed: targets of %s: %w", demoChains[i].code, err)
		}
	}
	return nil
}

// chainPick is where a demo chain's targets are pursued: its key places,
// the one of them with the most demo zone enterprises on its nodes, and
// there the node with the fewest (the first on a tie), which a signed
// target fills.
type chainPick struct {
	places       []string
	county, node string
}

// chainPicks returns each demo chain's pick, from the units and the demo
// zone enterprises alone, so that the ledger's import (putInvest) can hold
// the signed targets' projects (chainProjects) before the chains exist.
func chainPicks(ctx context.Context, db *store.DB) ([]chainPick, error) {
	us, err := db.Units(ctx, store.UnitFilter{Kind: store.UnitCounty})
	if err != nil {
		return nil, err
	}
	counties := map[string][]string{}
	for _, u := range us {
		counties[u.Parent] = append(counties[u.Parent], u.Code)
	}
	zs, err := db.ZoneEnterprises(ctx, ZoneEnterpriseYear, "")
	if err != nil {
		return nil, err
	}
	es := make([]chain.Enterprise, len(zs))
	for i, z := range zs {
		es[i] = chain.Enterprise{USCC: z.USCC, Industry: z.Industry, County: z.County, Output: z.Output}
	}
	picks := make([]chainPick, len(demoChains))
	for i, dc := range demoChains {
		p := &picks[i]
		for _, pref := range dc.prefectures {
			p.places = append(p.places, counties[pref]...)
			if len(counties[pref]) == 0 {
				p.places = append(p.places, pref) // a prefecture-level place without counties (嘉峪关)
			}
		}
		slices.Sort(p.places)
		c := &chain.Chain{Code: dc.code, Nodes: dc.nodes}
		p.county = busiest(c, es, p.places)
		fewest := -1
		for _, s := range chain.Assess(c, p.county, es, nil, nil) {
			if fewest < 0 || s.Enterprises < fewest {
				p.node, fewest = s.Node, s.Enterprises
			}
		}
	}
	return picks, nil
}

// chainProjects returns the ledger projects of the demo chains' signed
// targets (示例), signed in 2024 on their picks' nodes: putInvest imports
// them with the demo ledger.
func chainProjects(ctx context.Context, db *store.DB) ([]invest.Project, error) {
	picks, err := chainPicks(ctx, db)
	if err != nil {
		return nil, err
	}
	ps := make([]invest.Project, len(demoChains))
	for i, dc := range demoChains {
		p := picks[i]
		ps[i] = invest.Project{ID: chainProjectID(i, p.county), Name: "（示例）" + dc.name[:len(dc.name)-len("产业链")] + "补链项目",
			County: p.county, Investor: targetName(i, 4), InvestorCode: targetUSCC(i, 4), InvestorLoc: targetPlace(i, 4),
			Signed: 20240615 + invest.Day(i), Amount: invest.Amount((3 + i%5) * invest.AmountScale), Stage: invest.StageSigned,
			ChainNode: dc.code + "/" + p.node}
	}
	return ps, nil
}

// chainProjectID numbers chain i's signed project as the demo ledger does
// (year, county, industry, 03, serial), in a serial range of its own.
func chainProjectID(i int, county string) string {
	return fmt.Sprintf("2024-%s-99-03-9%05d", county, i+1)
}

// putTargets adds chain i's five targets in its pick's county, the k-th
// moved to the k-th status: the signed one on the pick's node as its
// project, the others on the county's other weak nodes.
func putTargets(ctx context.Context, db *store.DB, actor store.Actor, i int, id int64, p chainPick, weak []string) error {
	county := p.county
	for k, status := range chain.Statuses {
		nd := p.node
		if k < 4 {
			nd = weak[k%len(weak)]
		}
		tg, err := db.AddChainTarget(ctx, actor, store.ChainTarget{ChainID: id, Node: nd, County: county, Name: targetName(i, k),
			USCC: targetUSCC(i, k), Location: targetPlace(i, k), Officer: "县招商局（示例）"}, 20240301+invest.Day(k), "从名录筛选（示例）")
		if err != nil {
			return err
		}
		if k == 2 {
			// Another county met the firm first: the register shows it.
			other := "620102"
			if county == other {
				other = "620121"
			}
			if _, _, err := db.RegisterInvestContact(ctx, actor, store.InvestContact{InvestorCode: tg.USCC, Investor: tg.Name,
				County: other, Day: 20240305, Note: "示例：首报首谈"}); err != nil {
				return err
			}
		}
		if k == 0 {
			continue
		}
		var s *store.Signing
		if status == chain.StatusSigned {
			s = &store.Signing{ProjectID: chainProjectID(i, county), Existing: true}
		}
		// One move straight to the status, with a dated note.
		if err := db.MoveChainTarget(ctx, actor, tg.ID, status, 20240401+invest.Day(k*30), "示例："+string(status), "", s); err != nil {
			return err
		}
	}
	return nil
}

// targetName, targetUSCC and targetPlace invent chain i's k-th target.
func targetName(i, k int) string {
	p := demoTargetPlaces[(i+k)%len(demoTargetPlaces)]
	return fmt.Sprintf("示例%s%s%s有限公司", p.word, nameStems[(i*5+k)%len(nameStems)], demoChains[i].name[:len(demoChains[i].name)-len("产业链")])
}

func targetPlace(i, k int) string { return demoTargetPlaces[(i+k)%len(demoTargetPlaces)].code }

func targetUSCC(i, k int) string {
	loc := targetPlace(i, k)
	if len(loc) != 6 {
		loc = "810000"
	}
	return mujun.CompleteUSCC(fmt.Sprintf("91%sMA%03d%04d", loc, 900+i, k))
}

// chainLead returns the 链主 of c and its node: the demo enterprise of the
// largest output on its nodes in places, or an invented one (示例) on no
// node.
func chainLead(c *chain.Chain, es []chain.Enterprise, places []string, i int) (store.ChainLead, string) {
	m := chain.NewMatcher(c)
	best := -1
	for j := range es {
		if m.Node(chain.Normalize(es[j].Industry)) == "" || !slices.Contains(places, es[j].County) {
			continue
		}
		if best < 0 || es[j].Output > es[best].Output {
			best = j
		}
	}
	if best < 0 {
		return store.ChainLead{USCC: mujun.CompleteUSCC(fmt.Sprintf("91%sMA%07d", places[0], 8000+i)),
			Name: "示例" + demoChains[i].name[:len(demoChains[i].name)-len("产业链")] + "集团有限公司", County: places[0], NamedYear: 2023}, ""
	}
	return store.ChainLead{USCC: es[best].USCC, Name: es[best].Name, County: es[best].County, NamedYear: 2023},
		m.Node(chain.Normalize(es[best].Industry))
}

// busiest returns the place of places with the most enterprises on c's
// nodes (the first on a tie).
func busiest(c *chain.Chain, es []chain.Enterprise, places []string) string {
	m := chain.NewMatcher(c)
	n := map[string]int{}
	for j := range es {
		if m.Node(chain.Normalize(es[j].Industry)) != "" {
			n[es[j].County]++
		}
	}
	best := places[0]
	for _, p := range places {
		if n[p] > n[best] {
			best = p
		}
	}
	return best
}

// keyProject returns the largest-numbered current project on c's nodes in
// places, or "".
func keyProject(c *chain.Chain, ps []chain.Project, places []string) string {
	m := chain.NewMatcher(c)
	key := ""
	for j := range ps {
		if chain.NodeOf(c, m, &ps[j]) != "" && slices.Contains(places, ps[j].County) && ps[j].InPipeline() {
			key = ps[j].ID
		}
	}
	return key
}

// putSizeLists stores invented size lists (示例): the names of some demo
// targets, so that the targets page shows them.
func putSizeLists(ctx context.Context, db *store.DB, actor store.Actor) error {
	for li, list := range chain.SizeLists {
		var es []store.SizeListEntry
		for i := li; i < len(demoChains); i += 3 {
			es = append(es, store.SizeListEntry{Position: len(es) + 1, Name: targetName(i, 1+li), USCC: targetUSCC(i, 1+li)})
		}
		if err := db.ReplaceSizeList(ctx, actor, list, 2024, es); err != nil {
			return err
		}
	}
	return nil
}
