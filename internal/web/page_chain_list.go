package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"chain.title":              {"重点产业链", "Key industrial chains"},
		"chain.intro":              {"产业链图谱、薄弱环节、链主与链长。薄弱环节按各链的规则判定：本地企业少于规定家数、没有在谈在建项目，或本地配套率低于下限。", "Chain maps, weak links, lead enterprises and chain leaders. A node is a weak link by its chain's rules: fewer local enterprises than required, no project in the pipeline, or a local supply ratio below the floor."},
		"chain.none":               {"还没有产业链。", "No chain yet."},
		"chain.name":               {"产业链", "Chain"},
		"chain.leader":             {"链长", "Chain leader"},
		"chain.dept":               {"牵头部门", "Lead department"},
		"chain.nodes":              {"节点", "Nodes"},
		"chain.weakCount":          {"薄弱环节", "Weak links"},
		"chain.leads":              {"链主企业", "Lead enterprises"},
		"chain.new":                {"新建产业链", "New chain"},
		"chain.import":             {"导入图谱（XLSX）", "Import a map (XLSX)"},
		"chain.importDo":           {"导入", "Import"},
		"chain.targets":            {"目标企业", "Target enterprises"},
		"chain.weak":               {"薄弱环节", "weak link"},
		"chain.segment":            {"环节", "Segment"},
		"chain.seg.上游":             {"上游", "upstream"},
		"chain.seg.中游":             {"中游", "midstream"},
		"chain.seg.下游":             {"下游", "downstream"},
		"chain.industries":         {"行业代码", "Industry codes"},
		"chain.firms":              {"本地企业", "Local enterprises"},
		"chain.firmsN":             {"%d 家企业", "%d firms"},
		"chain.output":             {"产值（万元）", "Output (10k yuan)"},
		"chain.pipeline":           {"在谈在建项目", "Pipeline projects"},
		"chain.pipelineN":          {"在谈在建 %d", "pipeline %d"},
		"chain.supply":             {"本地配套率", "Local supply ratio"},
		"chain.state":              {"状态", "State"},
		"chain.ok":                 {"正常", "sound"},
		"chain.reason.few_local":   {"本地企业不足", "too few local firms"},
		"chain.reason.no_pipeline": {"无在谈在建项目", "no pipeline project"},
		"chain.reason.low_supply":  {"本地配套率低", "low local supply"},
		"chain.place":              {"范围", "Place"},
		"chain.province":           {"全省", "Province"},
		"chain.rules":              {"判定规则", "Rules"},
		"chain.rulesText":          {"本地企业少于 %d 家、%s本地配套率低于 %s 为薄弱环节", "weak with fewer than %d local firms, %sa local supply ratio below %s"},
		"chain.rulesPipe":          {"没有在谈在建项目、", "no pipeline project, "},
		"chain.report":             {"各市州薄弱环节", "Weak links by prefecture"},
		"chain.noWeak":             {"没有薄弱环节", "no weak link"},
		"chain.team":               {"工作专班", "Task force"},
		"chain.members":            {"专班成员 %d 人", "%d members"},
		"chain.tasks":              {"年度任务", "Annual tasks"},
		"chain.task":               {"任务", "Task"},
		"chain.year":               {"年度", "Year"},
		"chain.keys":               {"重点项目与企业", "Key projects and enterprises"},
		"chain.key.project":        {"重点项目", "Key project"},
		"chain.key.enterprise":     {"重点企业", "Key enterprise"},
		"chain.key.region":         {"招商目标区域", "Source region"},
		"chain.namedYear":          {"%d 年认定", "named %d"},
		"chain.excellent":          {"优秀链主企业名单", "Excellent lead enterprises"},
		"chain.edit":               {"编辑", "Edit"},
		"chain.export":             {"导出图谱（XLSX）", "Export the map (XLSX)"},
		"chain.graph":              {"产业链图谱", "Chain map"},
		"chain.listYear":           {"企业名录年度 %d", "enterprise lists of %d"},
		"chain.places":             {"重点县区 %d 个", "%d key counties"},
	})
}

// chainListRow is a chain's line of /invest/chains.
type chainListRow struct {
	store.Chain
	Weak int // weak nodes in the province
}

// chainListView is the data of /invest/chains.
type chainListView struct {
	Rows     []chainListRow
	Editor   bool // may create chains and import maps
	Internal bool // may read targets
}

// chainsList is GET /invest/chains: every chain with its 链长, lead
// department, nodes, weak links in the province and 链主. Public.
func (s *Server) chainsList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	cs, err := s.db.Chains(ctx)
	if err != nil {
		return err
	}
	in, err := s.db.ChainInputs(ctx, 0)
	if err != nil {
		return err
	}
	c := callerOf(r)
	u := c.principal()
	v := chainListView{Editor: auth.CanChain(u, auth.Write, auth.ChainTeam{})}
	_, v.Internal = auth.ChainTargetsScope(u, c.anonymous())
	for i := range cs {
		row := chainListRow{Chain: cs[i]}
		for _, st := range chain.Assess(cs[i].Map(), invest.Province, in.Enterprises, in.Projects, store.ChainSupplyOf(&cs[i], 0)) {
			if st.Weak() {
				row.Weak++
			}
		}
		v.Rows = append(v.Rows, row)
	}
	s.render(w, r, http.StatusOK, "chain_list", v)
	return nil
}
