package web

import (
	"cmp"
	"context"
	"math"
	"net/http"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// countyView is the county profile of one run.
type countyView struct {
	Unit       store.Unit
	Prefecture string // its name
	Types      []string
	Run        store.Run
	Picker     runPicker
	Overall    store.Result // the overall row: score, rank, rank change, awards, veto
	GroupRank  float64      // the rank within the primary type
	TypeSize   int
	Areas      []countyArea
	Indicators []countyIndicator
	ShowRaw    bool // the caller may see the unit's figures (or the run publishes its full table)
	History    []countyHistory
	Explain    *explainView
	Strengths  []strengthRow
	Weaknesses []strengthRow
	Gap        *gapView    // to the county itself and the province only (maySheet)
	Points     *pointsView // likewise
	Rules      []string    // the method's rules that applied to the unit, in words (veto, missing figures, decided ties)
	Interval   *intervalView
	names      map[string]nameUnit
}

// countyArea is the unit's score on an area against its type's average.
type countyArea struct {
	Code, Name     string
	Score, TypeAvg float64
	Diff           float64
	TypeRank       float64
}

// countyIndicator is one scored indicator of the unit.
type countyIndicator struct {
	Code, Name, Measure, Area string
	Places                    int     // the decimals of Raw (method.Indicator.Places)
	Raw, Score, Rank          float64 // rank among all units
	PeerRank, PeerMean        float64 // among the units of its primary type
	Peers                     int
	Weight                    float64 // effective weight in its primary type, in %
}

// countyHistory is the unit's overall result in one published run.
type countyHistory struct {
	RunID       int64
	Period      string
	Score, Rank float64
	RankChange  float64
	Current     bool
}

// strengthRow is an indicator where the unit stands out from its type.
type strengthRow struct {
	Code     string
	Name     string
	Abs      float64 // |score − type average|
	PeerRank float64
}

// nameUnit is an indicator's (or node's) name and unit of measure.
type nameUnit struct{ Name, Unit string }

// methodNames names every indicator and node of m in lang.
func methodNames(m *method.Method, en bool) map[string]nameUnit {
	out := map[string]nameUnit{}
	pick := func(zh, e string) string {
		if en && e != "" {
			return e
		}
		return zh
	}
	for _, ind := range m.Indicators {
		out[ind.Code] = nameUnit{pick(ind.Name, ind.NameEn), ind.Unit}
	}
	for _, n := range m.Nodes {
		out[n.Code] = nameUnit{pick(n.Name, n.NameEn), ""}
	}
	return out
}

// rowAccess says which result rows of run the caller may read: the rows of
// unit (a winner or not), and whether she may read the whole table.
func (s *Server) rowAccess(ctx context.Context, c *caller, run store.Run, unit string, winner bool) (own, all bool, err error) {
	p := c.principal()
	all = auth.Can(p, auth.Read, auth.Resource{Kind: auth.KindResult, RunState: run.State, Visibility: run.Visibility})
	if all {
		return true, true, nil
	}
	pref, err := s.db.PrefectureOf(ctx, unit)
	if err != nil {
		return false, false, err
	}
	own = auth.Can(p, auth.Read, auth.Resource{Kind: auth.KindResult, RunState: run.State, Visibility: run.Visibility,
		Unit: unit, Prefecture: pref, Winner: winner})
	return own, false, nil
}

// unitRows returns the unit's result rows in run and its overall row
// (no group, the highest level); ok is false when it has none.
func (s *Server) unitRows(ctx context.Context, run store.Run, unit string) (rows []store.Result, overall store.Result, ok bool, err error) {
	rows, err = s.db.Results(ctx, run.ID, store.ResultFilter{Units: []string{unit}})
	if err != nil {
		return nil, overall, false, err
	}
	for _, x := range rows {
		if x.Group == "" && x.Level > 1 && x.Level >= overall.Level {
			overall, ok = x, true
		}
	}
	return rows, overall, ok, nil
}

// countyRun picks the run of the profile: ?run= when the caller may read
// the unit's row in it, else the newest published run where she may (the
// authoritative result), else the newest run where she may. ok is false
// when there is none.
func (s *Server) countyRun(r *http.Request, unit string) (run store.Run, rows []store.Result, overall store.Result, ok bool, err error) {
	c := callerOf(r)
	runs, err := s.readableRuns(r, false)
	if err != nil {
		return run, nil, overall, false, err
	}
	want, err := queryInt(r, "run")
	if err != nil {
		return run, nil, overall, false, err
	}
	slices.SortStableFunc(runs, func(a, b store.Run) int {
		return cmp.Compare(boolInt(b.State == auth.StatePublished), boolInt(a.State == auth.StatePublished))
	})
	for _, cand := range runs {
		if want != 0 && cand.ID != want {
			continue
		}
		rows, overall, has, err := s.unitRows(r.Context(), cand, unit)
		if err != nil {
			return run, nil, overall, false, err
		}
		if !has {
			continue
		}
		own, _, err := s.rowAccess(r.Context(), c, cand, unit, len(overall.Awards) > 0)
		if err != nil {
			return run, nil, overall, false, err
		}
		if own {
			return cand, rows, overall, true, nil
		}
	}
	if want != 0 {
		return run, nil, overall, false, deny(c, "read the results of "+unit)
	}
	return run, nil, overall, false, nil
}

// fillScores fills the areas and indicators of v from the unit's rows and
// the recomputed run.
func (v *countyView) fillScores(rm *runModel, rows []store.Result, strengths []engine.Strength) {
	m := rm.in.Method
	root := m.Root()
	u := rm.unitIndex(v.Unit.Code)
	if u >= 0 {
		v.Types = rm.outcome.Units[u].Types
	}
	primary := ""
	if len(v.Types) > 0 {
		primary = v.Types[0]
	}
	tr := rm.typeResult(primary)
	if tr != nil {
		v.TypeSize = len(tr.Members)
	}
	area := map[string]string{} // indicator → the area above it
	for _, ind := range m.Indicators {
		code := ind.Parent
		for code != "" {
			if n := nodeOf(m, code); n == nil || n.Parent == root || n.Parent == "" {
				break
			}
			code = nodeOf(m, code).Parent
		}
		area[ind.Code] = code
	}
	byInd := map[string]engine.Strength{}
	for _, st := range strengths {
		byInd[st.Indicator] = st
	}
	raw := rm.stage(engine.StageRaw)
	for _, x := range rows {
		switch {
		case x.Level == 1:
			st, ok := byInd[x.Node]
			ci := countyIndicator{Code: x.Node, Name: v.names[x.Node].Name, Measure: v.names[x.Node].Unit,
				Places: indicatorPlaces(m, x.Node), Area: v.names[area[x.Node]].Name, Score: x.Score, Rank: x.Rank, Raw: math.NaN(),
				PeerRank: math.NaN(), PeerMean: math.NaN(), Weight: math.NaN()}
			if ok {
				ci.PeerRank, ci.PeerMean, ci.Peers, ci.Weight = st.PeerRank, st.PeerMean, st.Peers, 100*st.Weight
			}
			// The peers of the type rank (its declarers, TypeSize), not
			// only the units whose primary type it is: one count a page.
			if tr != nil {
				if r, mean, n, has := tr.PeerStanding(u, x.Node); has {
					ci.PeerRank, ci.PeerMean, ci.Peers = r, mean, n
				}
			}
			if raw != nil && u >= 0 {
				if col := raw.Col(x.Node); col != nil {
					ci.Raw = col[u]
				}
			}
			v.Indicators = append(v.Indicators, ci)
		case x.Group == primary && x.Node == root:
			v.GroupRank = x.GroupRank
		case x.Group == primary && nodeOf(m, x.Node) != nil && nodeOf(m, x.Node).Parent == root:
			a := countyArea{Code: x.Node, Name: v.names[x.Node].Name, Score: x.Score, TypeRank: x.GroupRank, TypeAvg: math.NaN()}
			if tr != nil {
				a.TypeAvg = engine.Mean(tr.Aggregated.Col(x.Node))
			}
			a.Diff = a.Score - a.TypeAvg
			v.Areas = append(v.Areas, a)
		}
	}
}

func nodeOf(m *method.Method, code string) *method.Node {
	for i := range m.Nodes {
		if m.Nodes[i].Code == code {
			return &m.Nodes[i]
		}
	}
	return nil
}

// history returns the unit's overall results in every published run the
// caller may read it in, oldest first.
func (s *Server) countyHistory(r *http.Request, unit string, current int64) ([]countyHistory, error) {
	runs, err := s.readableRuns(r, true)
	if err != nil {
		return nil, err
	}
	var out []countyHistory
	for _, run := range runs {
		_, overall, has, err := s.unitRows(r.Context(), run, unit)
		if err != nil {
			return nil, err
		}
		if !has {
			continue
		}
		own, _, err := s.rowAccess(r.Context(), callerOf(r), run, unit, len(overall.Awards) > 0)
		if err != nil {
			return nil, err
		}
		if own {
			out = append(out, countyHistory{RunID: run.ID, Period: run.Period, Score: overall.Score, Rank: overall.Rank,
				RankChange: overall.RankChange, Current: run.ID == current})
		}
	}
	slices.SortStableFunc(out, func(a, b countyHistory) int {
		return cmp.Or(cmp.Compare(a.Period, b.Period), cmp.Compare(a.RunID, b.RunID))
	})
	return out, nil
}

// HistoryChart is the rank history as an ECharts option: a line, rank 1
// on top.
func (v *countyView) HistoryChart(label string) map[string]any {
	var x []string
	var y []any
	for _, h := range v.History {
		x = append(x, h.Period)
		y = append(y, jsonNum(h.Rank))
	}
	return map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"grid":    map[string]any{"left": 40, "right": 20, "top": 20, "bottom": 30},
		"xAxis":   map[string]any{"type": "category", "data": x},
		"yAxis":   map[string]any{"type": "value", "inverse": true, "minInterval": 1, "min": 1},
		"series":  []map[string]any{{"name": label, "type": "line", "data": y, "label": map[string]any{"show": true}}},
	}
}

// AreaChart is the unit's area scores against its type's averages, as an
// ECharts option.
func (v *countyView) AreaChart(unitLabel, avgLabel string) map[string]any {
	var x []string
	var a, b []any
	for _, ar := range v.Areas {
		x = append(x, ar.Name)
		a = append(a, jsonNum(ar.Score))
		b = append(b, jsonNum(ar.TypeAvg))
	}
	return map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"top": 0},
		"grid":    map[string]any{"left": 40, "right": 20, "top": 30, "bottom": 50},
		"xAxis":   map[string]any{"type": "category", "data": x, "axisLabel": map[string]any{"interval": 0, "rotate": 20}},
		"yAxis":   map[string]any{"type": "value"},
		"series": []map[string]any{{"name": unitLabel, "type": "bar", "data": a},
			{"name": avgLabel, "type": "bar", "data": b}},
	}
}

// jsonNum is v for JSON, nil when missing (encoding/json refuses NaN).
func jsonNum(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return math.Round(v*1e4) / 1e4
}

// PendingAwards lists the awards whose last place the unit ties for and
// the office has not yet decided (待认定), for the sentence under its rank.
func (v countyView) PendingAwards() []string {
	var out []string
	for _, a := range v.Overall.Awards {
		if label, ok := strings.CutPrefix(a, store.PendingAward); ok {
			out = append(out, label)
		}
	}
	return out
}

func init() {
	registerUI(map[string][2]string{
		"county.vetoNote":    {"一票否决：按评价办法保留得分和名次，但不参加任何评奖，名额由其后的单位递补。", "Vetoed: under the method it keeps its score and rank but wins no award; the next unit takes its place."},
		"county.pendingNote": {"“%s”末位并列，按办法的并列处理规则仍无法区分，待评价办公室认定。", "%s: tied at the last place after every tie-break of the method; pending the office's decision."},
		"county.title":       {"%s 县域经济画像", "%s: county profile"},
		"county.noRun":       {"还没有您可以查看的该县评价结果。", "There is no run in which you may see this county."},
		"county.overall":     {"综合得分", "Overall score"},
		"county.rank":        {"综合排名", "Overall rank"},
		"county.typeRank":    {"类型内排名", "Rank in type"},
		"county.ofN":         {"共 %d 个", "of %d"},
		"county.interval":    {"排名区间（稳健性）", "Rank interval (robustness)"},
		"county.areas":       {"各领域得分与同类型平均", "Scores per area against the type average"},
		"county.area":        {"领域", "Area"},
		"county.typeAvg":     {"同类型平均", "Type average"},
		"county.diff":        {"差值", "Difference"},
		"county.thisCounty":  {"本县", "This county"},
		"county.indicators":  {"各项指标", "Indicators"},
		"county.indicator":   {"指标", "Indicator"},
		"county.raw":         {"原始值", "Value"},
		"county.measure":     {"单位", "Unit"},
		"county.rankAll":     {"全省排名", "Rank (all)"},
		"county.peerRank":    {"同类型排名", "Rank in type"},
		"county.weight":      {"权重 %", "Weight %"},
		"county.rawHidden":   {"原始数值仅对有权查看本县数据的用户或公开完整排名的已发布批次显示。", "Values are shown to those who may read this county's figures, or for published runs with the full table public."},
		"county.history":     {"历年排名", "Rank history"},
		"county.noHistory":   {"只有一个已发布批次，暂无历年比较。", "Only one published run: no history yet."},
		"county.why":         {"名次为什么变化", "Why the rank changed"},
		"county.whyNone":     {"本批次没有可比较的上一批次（上年已发布的评价）。", "This run has no previous run (a published run of the year before) to compare with."},
		"county.whySummary":  {"与 %s 年（批次 #%d）相比，综合得分由 %s 变为 %s（%s），名次由第 %s 名变为第 %s 名。", "Against %s (run #%d) the overall score went from %s to %s (%s) and the rank from %s to %s."},
		"county.whyHow":      {"每个指标对得分变化的贡献 = 本县自身数值变化的贡献 + 其他县变化（最高、最低值或平均值移动）的贡献，两者按 Shapley 值精确分摊，合计等于得分变化。", "Each indicator's part in the score change is split into the county's own movement and the others' movement (the maximum, minimum or mean moving), by Shapley values; the parts add up exactly to the change."},
		"county.prev":        {"上期得分", "Previous"},
		"county.cur":         {"本期得分", "Current"},
		"county.own":         {"自身变化", "Own movement"},
		"county.others":      {"他县变化", "Others' movement"},
		"county.method":      {"办法与目标变化", "Method and targets"},
		"county.rest":        {"权重与缺失", "Weights and gaps"},
		"county.total":       {"合计贡献", "Contribution"},
		"county.sum":         {"合计（得分变化）", "Total (score change)"},
		"county.x.weights":   {"权重或汇总方法变化", "Change of weights or aggregation"},
		"county.x.renorm":    {"缺项后权重重新归一", "Weights renormalised for missing values"},
		"county.x.adjust":    {"扣分、加分与取整", "Deductions, bonuses and rounding"},
		"county.overtook":    {"本县超过的县区", "Counties this county overtook"},
		"county.overtaken":   {"超过本县的县区", "Counties that overtook this county"},
		"county.gapWas":      {"差距由 %s 变为 %s", "gap from %s to %s"},
		"county.drivers":     {"主要因素", "mainly"},
		"county.strengths":   {"优势指标", "Strengths"},
		"county.weaknesses":  {"短板指标", "Weaknesses"},
		"county.vsType":      {"高于同类型平均 %s 分（同类型第 %s 名）", "%s above the type average (rank %s in type)"},
		"county.vsTypeLow":   {"低于同类型平均 %s 分（同类型第 %s 名）", "%s below the type average (rank %s in type)"},
		"county.gap":         {"与前 %d 名的差距", "The gap to the top %d"},
		"county.gapFirst":    {"本县已居第一名。", "This county ranks first."},
		"county.gapHow":      {"在其他县数据不变的情况下，单项指标至少需要达到的数值（逐项计算，经完整评价办法重算验证）：", "With the other counties' figures unchanged, the least each single indicator would need (each on its own, checked by re-running the whole method):"},
		"county.gapLine":     {"%s需%s %s %s（由 %s 到 %s），可升至第 %s 名", "%s needs %s %s %s (from %s to %s): rank %s"},
		"county.gapUp":       {"增加", "+"},
		"county.gapDown":     {"减少", "−"},
		"county.gapUniform":  {"或所有指标同时提高 %s%%，可升至第 %s 名。", "Or all indicators %s%% better at once: rank %s."},
		"county.gapBeyond":   {"以下指标单独提高也无法达到：%s。", "These cannot do it alone: %s."},
		"county.intervalHow": {"在权重等不确定因素随机变化的 %d 次重算中，本县排名的 5%%–95%% 区间为第 %s–%s 名，中位数第 %s 名，进入前 10 名的比例 %s%%。", "Over %d re-runs with the uncertain choices drawn at random, this county's rank lay between %s and %s (5–95 %%), median %s; it was in the top 10 in %s %% of them."},
		"county.intervalDef": {"评价办法未规定稳健性分析，采用默认设置：指标和领域权重各随机浮动 ±25%，重复 1000 次，随机种子 1。", "The method declares no robustness analysis; the default is used: indicator and area weights each varied by ±25 %, 1000 runs, seed 1."},
		"county.intervalDec": {"按评价办法规定的稳健性分析设置计算。", "As the method's robustness analysis declares."},
		"county.robustLink":  {"查看全部县区的排名区间", "Rank intervals of all counties"},
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
