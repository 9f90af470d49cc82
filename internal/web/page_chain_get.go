package web

import (
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/chain/chaingraph"
	"github.com/qiangxian/qiangxian/internal/store"
)

// chainPageView is the data of /invest/chains/{id}.
type chainPageView struct {
	chainDetail
	Graph     template.HTML
	Nodes     []chainNodeLine
	PlaceName string
	Places    []store.Unit // the province, the prefectures and the chain's counties, to choose from
	Names     map[string]store.Unit
	Editor    bool // may edit the chain
	Internal  bool // may read targets (and key projects' pages)
	Members   int
	Duties    string
	RulesText string
	Targets   map[string]int // targets by node, for Internal
}

// chainNodeLine is a node's line in the page's table.
type chainNodeLine struct {
	chain.Node
	chain.Stat
	SegmentKey string
	Reasons    string // the weak reasons in words
}

// chainGet is GET /invest/chains/{id}?place=: the chain's map drawn with
// its nodes coloured by strength in the place (the province by default),
// the nodes' figures and weak links, 链长, 专班, tasks, keys, 链主 and the
// weak-link report per prefecture. Public: chain maps are published to
// attract investors; targets are counted only for those who read them.
func (s *Server) chainGet(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := chainID(r.PathValue("id"))
	if err != nil {
		return err
	}
	names, err := s.unitNames(ctx)
	if err != nil {
		return err
	}
	prefNames, err := s.prefectureNames(r)
	if err != nil {
		return err
	}
	prefs := sortedKeys(prefNames)
	place := r.URL.Query().Get("place")
	if !validPlace(place, prefs) {
		return invalid("bad.place", place)
	}
	d, err := s.loadChainDetail(ctx, id, place, prefs)
	if err != nil {
		return err
	}
	lang := langOf(r)
	c := callerOf(r)
	u := c.principal()
	v := chainPageView{chainDetail: d, Names: names, Editor: auth.CanChain(u, auth.Write, chainTeam(&d.Chain))}
	covers, ok := auth.ChainTargetsScope(u, c.anonymous())
	v.Internal = ok || auth.InChainTeam(u, chainTeam(&d.Chain))
	v.PlaceName = ui(lang, "chain.province")
	if n, ok := names[d.Place]; ok && d.Place != "620000" {
		v.PlaceName = n.Name
	}
	v.Places = append(v.Places, store.Unit{Code: "620000", Name: ui(lang, "chain.province")})
	for _, p := range prefs {
		v.Places = append(v.Places, prefNames[p])
	}
	for _, p := range d.Chain.Places {
		if n, ok := names[p]; ok && n.Kind == store.UnitCounty {
			v.Places = append(v.Places, n)
		}
	}
	duties := map[string]bool{}
	for _, m := range d.Chain.Members {
		if !duties[m.Duty] && m.Duty != "" {
			duties[m.Duty] = true
			v.Duties += m.Duty + "；"
		}
	}
	v.Members, v.Duties = len(d.Chain.Members), strings.TrimSuffix(v.Duties, "；")
	pipe := ""
	if d.Chain.Rules.NeedPipeline {
		pipe = ui(lang, "chain.rulesPipe")
	}
	v.RulesText = ui(lang, "chain.rulesText", d.Chain.Rules.MinLocal, pipe, fmt.Sprintf("%g%%", d.Chain.Rules.MinSupply*100))
	for i, n := range d.Chain.Nodes {
		line := chainNodeLine{Node: n, Stat: d.Stats[i], SegmentKey: "chain.seg." + string(n.Segment)}
		var rs []string
		for _, reason := range d.Stats[i].Reasons {
			rs = append(rs, ui(lang, "chain.reason."+string(reason)))
		}
		line.Reasons = strings.Join(rs, "、")
		v.Nodes = append(v.Nodes, line)
	}
	v.Graph = template.HTML(chaingraph.SVG(d.Chain.Map(), d.Stats, chaingraph.Labels{
		Segments: [3]string{ui(lang, "chain.seg.上游"), ui(lang, "chain.seg.中游"), ui(lang, "chain.seg.下游")},
		Weak:     ui(lang, "chain.weak"), Firms: ui(lang, "chain.firmsN"), Pipeline: ui(lang, "chain.pipelineN"),
		Title: d.Chain.Name + " · " + v.PlaceName}))
	if v.Internal {
		ts, err := s.db.ChainTargets(ctx, store.ChainTargetFilter{ChainID: id})
		if err != nil {
			return err
		}
		v.Targets = map[string]int{}
		for _, t := range ts {
			if ok && covers(t.County) || auth.InChainTeam(u, chainTeam(&d.Chain)) {
				v.Targets[t.Node]++
			}
		}
	}
	s.render(w, r, http.StatusOK, "chain_get", v)
	return nil
}

// NodeName returns the name of node code of the chain.
func (v chainPageView) NodeName(code string) string {
	for _, n := range v.Chain.Nodes {
		if n.Code == code {
			return n.Name
		}
	}
	return code
}
