package web

import (
	"cmp"
	"math"
	"net/http"
	"slices"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// runsView is the list of runs with what the caller may do to each.
type runsView struct {
	Rows      []runRow
	CanCreate bool
	Methods   []store.Method
	Periods   []string
	A, B      int64 // the runs the compare form proposes
	Done      string
	Created   string // a run just made: announced as new, not as updated
}

// runRow is a run of the list and the forms the caller may use on it.
type runRow struct {
	Run      store.Run
	Method   string
	Next     auth.RunState // the next state, "" when she may not move it there
	Back     bool          // she may send it back to draft
	SetVis   bool          // she may set its visibility
	Vis      []auth.Visibility
	Readable bool // she may read its whole table (compare, robustness)
}

// nextState is the state after s, "" for the last.
func nextState(s auth.RunState) auth.RunState {
	i := slices.Index(auth.RunStates, s)
	if i < 0 || i+1 >= len(auth.RunStates) || s.Final() {
		return ""
	}
	return auth.RunStates[i+1]
}

// newRunRow fills the forms of run that p may use.
func newRunRow(p auth.User, run store.Run, methods map[int64]store.Method) runRow {
	row := runRow{Run: run, Vis: []auth.Visibility{auth.VisNone, auth.VisWinners, auth.VisFull}}
	if m, ok := methods[run.MethodID]; ok {
		row.Method = m.Name + " " + m.Version
	}
	res := runResource(run)
	// Approval needs the meeting's record: it is given on the lifecycle page.
	if next := nextState(run.State); next != "" && next != auth.StateApproved && auth.Can(p, auth.MoveAction(run.State, next), res) {
		row.Next = next
	}
	row.Back = run.State != auth.StateDraft && !run.State.Final() && auth.Can(p, auth.MoveAction(run.State, auth.StateDraft), res)
	row.SetVis = !run.State.Final() && auth.Can(p, auth.Write, res)
	row.Readable = auth.Can(p, auth.Read, auth.Resource{Kind: auth.KindResult, RunState: run.State, Visibility: run.Visibility})
	return row
}

// overallRows returns the overall rows (no group, the highest level) of
// run that the caller may read, by unit code.
func (s *Server) overallRows(r *http.Request, run store.Run) (map[string]store.Result, error) {
	rows, err := s.scopedResults(r, run, store.ResultFilter{})
	if err != nil {
		return nil, err
	}
	top := 0
	for _, x := range rows {
		if x.Group == "" && x.Level > top {
			top = x.Level
		}
	}
	out := map[string]store.Result{}
	for _, x := range rows {
		if x.Group == "" && x.Level == top && top > 1 {
			out[x.Unit] = x
		}
	}
	return out, nil
}

// unitNameMap maps every unit's code to its name.
func (s *Server) unitNameMap(r *http.Request) (map[string]string, error) {
	units, err := s.db.Units(r.Context(), store.UnitFilter{})
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(units))
	for _, u := range units {
		out[u.Code] = u.Name
	}
	return out, nil
}

// compareView compares two runs unit by unit.
type compareView struct {
	A, B    store.Run
	Picker  runPicker
	Rows    []compareRow
	Moved   int     // units whose rank changed
	MaxDiff float64 // the largest score difference, in absolute value
}

// compareRow is one unit in both runs; a missing side is NaN.
type compareRow struct {
	Code, Name             string
	ScoreA, ScoreB, DScore float64
	RankA, RankB, DRank    float64 // DRank = RankA − RankB: places risen from A to B
}

// newCompareRows pairs the rows of a and b, by the rank in b.
func newCompareRows(a, b map[string]store.Result, names map[string]string) []compareRow {
	var out []compareRow
	seen := map[string]bool{}
	add := func(code string) {
		if seen[code] {
			return
		}
		seen[code] = true
		row := compareRow{Code: code, Name: names[code], ScoreA: math.NaN(), ScoreB: math.NaN(), RankA: math.NaN(), RankB: math.NaN()}
		if x, ok := a[code]; ok {
			row.ScoreA, row.RankA = x.Score, x.Rank
		}
		if x, ok := b[code]; ok {
			row.ScoreB, row.RankB = x.Score, x.Rank
		}
		row.DScore, row.DRank = row.ScoreB-row.ScoreA, row.RankA-row.RankB
		out = append(out, row)
	}
	for code := range b {
		add(code)
	}
	for code := range a {
		add(code)
	}
	slices.SortFunc(out, func(x, y compareRow) int {
		return cmp.Or(cmp.Compare(orInf(x.RankB), orInf(y.RankB)), cmp.Compare(orInf(x.RankA), orInf(y.RankA)), cmp.Compare(x.Code, y.Code))
	})
	return out
}

// robustView is the rank intervals of a run's units.
type robustView struct {
	Run      store.Run
	Rows     []robustRow
	Runs     int
	Failed   int
	Declared bool
	Seed     uint64
	// Stability is the ranks' stability against the previous run, nil
	// without rank changes (page_runs_stability.go).
	Stability *runStability
	chart     map[string]any
}

// robustRow is one unit's rank statistics.
type robustRow struct {
	Code, Name                        string
	Nominal, Median, Mean, Q5, Q95, P float64
}

// Chart is the intervals as an ECharts option: a floating bar from the 5 %
// to the 95 % rank per unit, with the median and the nominal rank.
func (v *robustView) Chart() map[string]any { return v.chart }

// newRobustView lays out rb for the units in rows.
func newRobustView(run store.Run, rb *robustness, rows map[string]store.Result, names map[string]string, labels [4]string) *robustView {
	v := &robustView{Run: run, Runs: rb.stats.Runs, Failed: rb.stats.Failed, Declared: rb.declared, Seed: rb.opts.Seed}
	st := rb.stats
	for code := range rows {
		i, ok := rb.index[code]
		if !ok {
			continue
		}
		v.Rows = append(v.Rows, robustRow{Code: code, Name: names[code], Nominal: st.Nominal[i], Median: st.Median[i],
			Mean: st.Mean[i], Q5: st.Q5[i], Q95: st.Q95[i], P: 100 * st.PTop[i]})
	}
	slices.SortFunc(v.Rows, func(a, b robustRow) int {
		return cmp.Or(cmp.Compare(orInf(a.Nominal), orInf(b.Nominal)), cmp.Compare(a.Code, b.Code))
	})
	var x []string
	var base, span, med, nom []any
	for _, r := range v.Rows {
		x = append(x, r.Name)
		base = append(base, jsonNum(r.Q5))
		span = append(span, jsonNum(r.Q95-r.Q5))
		med = append(med, jsonNum(r.Median))
		nom = append(nom, jsonNum(r.Nominal))
	}
	v.chart = map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"top": 0, "data": []string{labels[1], labels[2], labels[3]}},
		"grid":    map[string]any{"left": 40, "right": 10, "top": 30, "bottom": 80},
		"xAxis":   map[string]any{"type": "category", "data": x, "axisLabel": map[string]any{"interval": 0, "rotate": 90, "fontSize": 9}},
		"yAxis":   map[string]any{"type": "value", "inverse": true, "min": 1, "name": labels[0]},
		"series": []map[string]any{
			{"name": "q5", "type": "bar", "stack": "iv", "data": base, "itemStyle": map[string]any{"color": "transparent"}, "silent": true},
			{"name": labels[1], "type": "bar", "stack": "iv", "data": span, "itemStyle": map[string]any{"color": "#9fb7d4"}},
			{"name": labels[2], "type": "scatter", "data": med, "symbolSize": 6},
			{"name": labels[3], "type": "scatter", "data": nom, "symbol": "diamond", "symbolSize": 7},
		},
	}
	return v
}

// periodCodes lists the periods that have data, newest first.
func (s *Server) periodCodes(r *http.Request) ([]string, error) {
	ps, err := s.db.Periods(r.Context())
	if err != nil {
		return nil, err
	}
	// Years first, newest first, then the months and quarters of
	// monitoring, newest first: pages that default to the first period open
	// on the newest year of the evaluation.
	out := make([]string, 0, len(ps))
	for _, year := range []bool{true, false} {
		for i := len(ps) - 1; i >= 0; i-- {
			if (ps[i].Kind == store.PeriodYear) == year {
				out = append(out, ps[i].Code)
			}
		}
	}
	return out, nil
}

func init() {
	registerUI(map[string][2]string{
		"runs.title":      {"评价批次", "Runs"},
		"runs.none":       {"还没有您可以查看的评价批次。", "There is no run you may see yet."},
		"runs.id":         {"批次", "Run"},
		"runs.method":     {"评价办法", "Method"},
		"runs.revision":   {"数据版本", "Data revision"},
		"runs.state":      {"状态", "State"},
		"runs.visibility": {"公开范围", "Visibility"},
		"runs.created":    {"创建", "Created"},
		"runs.note":       {"备注", "Note"},
		"runs.actions":    {"操作", "Actions"},
		"runs.moveTo":     {"转为“%s”", "Move to %s"},
		"runs.back":       {"退回草稿", "Back to draft"},
		"runs.setVis":     {"设置", "Set"},
		"runs.robust":     {"稳健性", "Robustness"},
		"runs.done":       {"批次 #%s 已更新。", "Run #%s was updated."},
		"runs.new":        {"已新建批次 #%s（草稿）。", "Run #%s was created (draft)."},
		"runs.compare":    {"比较两个批次", "Compare two runs"},
		"runs.compareA":   {"批次 A", "Run A"},
		"runs.compareB":   {"批次 B", "Run B"},
		"runs.compareGo":  {"比较", "Compare"},
		"runs.create":     {"计算新批次", "Compute a new run"},
		"runs.createGo":   {"计算", "Compute"},
		"runs.createHow":  {"用所选办法和最新数据计算，结果保存为草稿。", "Computed with the chosen method on the latest data and kept as a draft."},
		"runs.period":     {"期间", "Period"},
		"runs.cmpTitle":   {"批次 #%d 与 #%d 的比较", "Run #%d against run #%d"},
		"runs.cmpSummary": {"共 %d 个县区，%d 个名次变化，得分最大差异 %s 分。", "%d counties, %d with another rank; the largest score difference is %s."},
		"runs.scoreA":     {"A 得分", "Score A"},
		"runs.scoreB":     {"B 得分", "Score B"},
		"runs.dScore":     {"得分差（B−A）", "Score B−A"},
		"runs.rankA":      {"A 名次", "Rank A"},
		"runs.rankB":      {"B 名次", "Rank B"},
		"runs.dRank":      {"名次变化", "Places risen"},
		"runs.robTitle":   {"批次 #%d 的排名稳健性", "Rank robustness of run #%d"},
		"runs.robHow":     {"在不确定因素随机变化的 %d 次重算中（失败 %d 次，随机种子 %d），各县区综合排名的 5%%–95%% 区间、中位数和名义排名。结果在服务器内存中缓存。", "Over %d re-runs with the uncertain choices drawn at random (%d failed, seed %d): each county's 5–95 %% rank interval, median and nominal rank. Kept in the server's memory."},
		"runs.interval":   {"5%–95% 区间", "5–95 % interval"},
		"runs.median":     {"中位数", "Median"},
		"runs.nominal":    {"名义排名", "Nominal rank"},
		"runs.mean":       {"平均", "Mean"},
		"runs.ptop":       {"进入前 10 的比例 %", "Top 10 share %"},
	})
}
