package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"target.title":       {"目标企业", "Target enterprises"},
		"target.intro":       {"薄弱环节的目标企业清单：识别 → 联系 → 拜访 → 洽谈 → 签约；签约后形成招商台账项目。仅限内部使用。", "Target enterprises of the weak links: identified → contacted → visited → in talks → signed; a signed target becomes a ledger project. Internal."},
		"target.none":        {"没有目标企业。", "No target enterprise."},
		"target.name":        {"企业名称", "Enterprise"},
		"target.uscc":        {"统一社会信用代码", "USCC"},
		"target.location":    {"所在地", "Location"},
		"target.lists":       {"榜单", "Size lists"},
		"target.status":      {"状态", "Status"},
		"target.officer":     {"责任人", "Officer"},
		"target.project":     {"台账项目", "Ledger project"},
		"target.node":        {"节点", "Node"},
		"target.allChains":   {"全部产业链", "All chains"},
		"target.allStatus":   {"全部状态", "All statuses"},
		"target.add":         {"新增目标企业", "Add a target"},
		"target.day":         {"日期", "Day"},
		"target.note":        {"记录", "Note"},
		"target.move":        {"推进", "Move"},
		"target.notes":       {"跟进记录", "Follow-up notes"},
		"target.contacts":    {"首报首谈登记", "First-contact register"},
		"target.first":       {"首谈", "first"},
		"target.noContact":   {"尚无登记。", "No entry yet."},
		"target.signing":     {"签约时填写：形成的台账项目", "When signing: the ledger project it becomes"},
		"target.projectId":   {"项目编号", "Project id"},
		"target.projectName": {"项目名称", "Project name"},
		"target.amount":      {"协议投资额（亿元）", "Amount (100m yuan)"},
		"target.zone":        {"所在园区代码", "Zone code"},
		"target.existing":    {"台账中已有该项目", "The ledger has the project already"},
		"target.chainNode":   {"产业链 / 节点", "Chain / node"},
	})
}

// chainTargetsView is the data of /invest/targets.
type chainTargetsView struct {
	Targets   []store.ChainTarget
	Chains    []store.Chain
	Names     map[string]store.Unit
	Chain     int64
	Status    string
	Statuses  []chain.Status
	CanAdd    bool
	OwnCounty string // a county user adds for her county only
	Counties  []store.Unit
	Today     string
}

// chainTargets is GET /invest/targets?chain=&status=: the targets the
// caller reads (auth.CanChainTarget), by chain, node and id, with the add
// form for those who write them.
func (s *Server) chainTargets(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	u := c.principal()
	covers, ok := auth.ChainTargetsScope(u, c.anonymous())
	ctx := r.Context()
	cs, err := s.db.Chains(ctx)
	if err != nil {
		return err
	}
	teams := map[int64]auth.ChainTeam{}
	member := false
	for i := range cs {
		teams[cs[i].ID] = chainTeam(&cs[i])
		member = member || auth.InChainTeam(u, teams[cs[i].ID])
	}
	if !ok && !member {
		return deny(c, "read target enterprises")
	}
	q := r.URL.Query()
	v := chainTargetsView{Chains: cs, Status: q.Get("status"), Statuses: chain.Statuses, Today: invest.DayOf(time.Now()).String()}
	v.Chain, _ = strconv.ParseInt(q.Get("chain"), 10, 64)
	ts, err := s.db.ChainTargets(ctx, store.ChainTargetFilter{ChainID: v.Chain})
	if err != nil {
		return err
	}
	for _, t := range ts {
		if (ok && covers(t.County) || auth.InChainTeam(u, teams[t.ChainID])) && (v.Status == "" || string(t.Status) == v.Status) {
			v.Targets = append(v.Targets, t)
		}
	}
	if v.Names, err = s.unitNames(ctx); err != nil {
		return err
	}
	switch {
	case u.Role == auth.RoleCounty && !c.anonymous():
		v.CanAdd, v.OwnCounty = true, u.Unit
	case auth.CanChainTarget(u, c.anonymous(), auth.Write, "", auth.ChainTeam{}):
		v.CanAdd = true
		for _, code := range sortedKeys(v.Names) {
			if n := v.Names[code]; n.Kind == store.UnitCounty {
				v.Counties = append(v.Counties, n)
			}
		}
	}
	s.render(w, r, http.StatusOK, "chain_targets", v)
	return nil
}

// chainTargetCreate is POST /invest/targets: a target enterprise of a
// chain's node (chain_node = id/node) for a county, at 识别.
func (s *Server) chainTargetCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	u := c.principal()
	f := func(name string) string { return strings.TrimSpace(r.PostFormValue(name)) }
	idText, node, _ := strings.Cut(f("chain_node"), "/")
	id, err := chainID(idText)
	if err != nil {
		return invalid("bad.chainNode", f("chain_node"))
	}
	ch, err := s.db.ChainByID(r.Context(), id)
	if err != nil {
		return err
	}
	county := f("county")
	if u.Role == auth.RoleCounty {
		county = u.Unit
	}
	if !auth.CanChainTarget(u, c.anonymous(), auth.Write, county, chainTeam(&ch)) {
		return deny(c, "add targets of "+county)
	}
	day, ok := invest.ParseDay(f("day"))
	if !ok {
		return invalid("bad.day", f("day"))
	}
	t, err := s.db.AddChainTarget(r.Context(), c.actor(), store.ChainTarget{ChainID: id, Node: node, County: county,
		Name: f("name"), USCC: f("uscc"), Location: f("location"), Officer: f("officer")}, day, f("note"))
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/invest/targets/%d", t.ID), http.StatusSeeOther)
	return nil
}
