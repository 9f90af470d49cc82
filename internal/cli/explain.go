package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/coinr"
	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/method"
)

// explainJob is what both forms of explain prepare: the two runs, the
// unit, and how to name indicators and units.
type explainJob struct {
	prevM, curM engine.Model
	prev, cur   *engine.Data
	unit        string
	indName     func(code string) (name, unit string)
	unitName    func(code string) string
	prevLabel   string
	curLabel    string
}

// explainOpts are the flags common to both forms.
type explainOpts struct {
	unit, indicator, set *string
	toTop, top           *int
	inGroup, asJSON      *bool
}

func (e *env) explainFlags(fs *flag.FlagSet) explainOpts {
	return explainOpts{
		unit:      fs.String("unit", "", e.t("要解释的单位代码", "code of the unit to explain")),
		indicator: fs.String("indicator", "", e.t("差距分析只看这一个输入指标（默认逐个计算并加上整体提升）", "gap analysis for this input column only (default: each, and a uniform rise)")),
		set:       fs.String("set", "", e.t("假设某指标取某值时的排名，如 gdp=500", "rank if an input were a value, e.g. gdp=500")),
		toTop:     fs.Int("to-top", 0, e.t("差距分析：进入前 K 名所需的最小提升", "gap analysis: the smallest rise that reaches the top K")),
		top:       fs.Int("top", 8, e.t("列出的指标数", "indicators listed")),
		inGroup:   fs.Bool("in-group", false, e.t("差距分析按类型（组）内排名", "gap analysis on the rank within the type (group)")),
		asJSON:    fs.Bool("json", false, e.t("输出 JSON", "print JSON")),
	}
}

// runExplain is `qiangxian explain`: why a unit's score and rank changed,
// its strengths and weaknesses, and what it would take to reach the top K.
// With --method it explains an evaluation method between the previous
// period's data (--previous) and this period's (--data); otherwise COINr's
// iMeta/iData with the evaluate step flags, between --period (default the
// last) and the period before it.
func runExplain(ctx context.Context, e *env, args []string) error {
	var job *explainJob
	var opts explainOpts
	var err error
	if slices.ContainsFunc(args, func(a string) bool {
		return strings.TrimLeft(a, "-") == "method" || strings.HasPrefix(strings.TrimLeft(a, "-"), "method=")
	}) {
		job, opts, err = e.explainMethodJob(args)
	} else {
		job, opts, err = e.explainCOINrJob(args)
	}
	if err != nil {
		return err
	}
	rep, err := job.run(opts)
	if err != nil {
		return err
	}
	if *opts.asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(jsonSafe(reflect.ValueOf(rep)))
	}
	e.printExplain(job, rep, *opts.top)
	return nil
}

func (e *env) explainCOINrJob(args []string) (*explainJob, explainOpts, error) {
	fs := e.newFlags("explain")
	opts := e.explainFlags(fs)
	in := e.addCOINrFlags(fs, "amean")
	period := fs.String("period", "", e.t("要解释的期（默认最后一期），与上一期比较", "period to explain (default the last), against the one before"))
	group := fs.String("group", "", e.t("同类比较所用的分组列，如 EurAsia_group", "group column for peers, e.g. EurAsia_group"))
	if err := e.parseFlags(fs, args); err != nil {
		return nil, opts, err
	}
	if !in.given() || *opts.unit == "" {
		return nil, opts, e.usageErr("需要 --imeta、--idata 和 --unit（或 --method、--data、--previous 和 --unit）", "--imeta, --idata and --unit are required (or --method, --data, --previous and --unit)")
	}
	spec, err := in.spec(e)
	if err != nil {
		return nil, opts, err
	}
	meta, data, err := in.load()
	if err != nil {
		return nil, opts, err
	}
	k, err := e.periodIndex(data, *period)
	if err != nil {
		return nil, opts, err
	}
	if k < 1 {
		return nil, opts, e.usageErr("需要上一期数据才能解释变化", "a previous period is needed to explain a change")
	}
	m, err := engine.NewPipelineModel(meta.Tree, spec, *group)
	if err != nil {
		return nil, opts, err
	}
	p0, p1 := data.Periods[k-1], data.Periods[k]
	names := map[string]string{}
	for _, p := range []coinr.Period{p0, p1} {
		for i, u := range p.Input.Raw.Units {
			names[u] = p.Names[i]
		}
	}
	return &explainJob{prevM: m, curM: m, prev: engine.PipelineData(p0.Input), cur: engine.PipelineData(p1.Input), unit: *opts.unit,
		indName: func(code string) (string, string) {
			n, _ := meta.Tree.Node(code)
			return n.Name, ""
		},
		unitName: func(c string) string { return names[c] }, prevLabel: p0.Time, curLabel: p1.Time}, opts, nil
}

func (e *env) explainMethodJob(args []string) (*explainJob, explainOpts, error) {
	fs := e.newFlags("explain")
	opts := e.explainFlags(fs)
	mpath := fs.String("method", "", e.t("评价方法文件（.toml）", "evaluation method file (.toml)"))
	dpath := fs.String("data", "", e.t("本期数据（.xlsx 或 .csv）", "this period's data (.xlsx or .csv)"))
	ppath := fs.String("previous", "", e.t("上期数据（与 --data 同格式）", "the previous period's data (same form as --data)"))
	sheet := fs.String("sheet", "", e.t("数据工作表名（默认第一个）", "data sheet name (default: the first)"))
	epath := fs.String("events", "", e.t("本期事件表 .csv", "this period's events .csv"))
	tpath := fs.String("targets", "", e.t("本期目标表 .csv", "this period's targets .csv"))
	if err := e.parseFlags(fs, args); err != nil {
		return nil, opts, err
	}
	if *mpath == "" || *dpath == "" || *ppath == "" || *opts.unit == "" {
		return nil, opts, e.usageErr("需要 --method、--data、--previous 和 --unit", "--method, --data, --previous and --unit are required")
	}
	m, err := e.loadMethod(*mpath)
	if err != nil {
		return nil, opts, err
	}
	read := func(path string) (*method.Data, error) {
		t, err := openAnyTable(path, *sheet)
		if err != nil {
			return nil, err
		}
		if t.Col("unit") >= 0 && t.Col("node") >= 0 && t.Col("rank") >= 0 {
			return nil, e.usageErr("%s 是评价结果；解释变化需要上期的数据文件", "%s is a result; explaining a change needs the previous period's data file", path)
		}
		return method.ReadData(m, t)
	}
	cur, err := read(*dpath)
	if err != nil {
		return nil, opts, err
	}
	prev, err := read(*ppath)
	if err != nil {
		return nil, opts, err
	}
	var events []method.Event
	var targets method.Targets
	if *epath != "" {
		t, err := openTable(*epath)
		if err != nil {
			return nil, opts, err
		}
		if events, err = method.ReadEvents(m, cur, t); err != nil {
			return nil, opts, err
		}
	}
	if *tpath != "" {
		t, err := openTable(*tpath)
		if err != nil {
			return nil, opts, err
		}
		if targets, err = method.ReadTargets(m, cur, t); err != nil {
			return nil, opts, err
		}
	}
	prevM, err := method.NewModel(m, nil, nil)
	if err != nil {
		return nil, opts, err
	}
	var curM engine.Model = prevM
	if events != nil || targets != nil {
		if curM, err = method.NewModel(m, targets, events); err != nil {
			return nil, opts, err
		}
	}
	names := map[string]string{}
	for _, d := range []*method.Data{prev, cur} {
		for _, u := range d.Units {
			names[u.Code] = u.Name
		}
	}
	return &explainJob{prevM: prevM, curM: curM, prev: method.EngineData(prev), cur: method.EngineData(cur), unit: *opts.unit,
		indName: func(code string) (string, string) {
			for _, ind := range m.Indicators {
				if ind.Code == code {
					return ind.Name, ind.Unit
				}
			}
			for _, n := range m.Nodes {
				if n.Code == code {
					return n.Name, ""
				}
			}
			return "", ""
		},
		unitName: func(c string) string { return names[c] }, prevLabel: yearOf(*ppath), curLabel: yearOf(*dpath)}, opts, nil
}

// explainReport is everything explain prints (and its JSON).
type explainReport struct {
	Explanation *engine.Explanation    `json:"explanation"`
	Strengths   []engine.Strength      `json:"strengths"`
	Gaps        []*engine.WhatIfResult `json:"gaps,omitempty"`
	RankIf      *rankIf                `json:"rank_if,omitempty"`
}

type rankIf struct {
	Column                 string
	Value                  float64
	Score, Rank, GroupRank float64
}

func (j *explainJob) run(o explainOpts) (*explainReport, error) {
	ex, err := engine.Explain(j.prevM, j.prev, j.curM, j.cur, j.unit)
	if err != nil {
		return nil, err
	}
	rep := &explainReport{Explanation: ex}
	cur, err := j.curM.Score(j.cur)
	if err != nil {
		return nil, err
	}
	if rep.Strengths, err = engine.Strengths(cur, j.unit); err != nil {
		return nil, err
	}
	if *o.toTop > 0 {
		cols := []string{*o.indicator}
		if *o.indicator == "" {
			cols = []string{""} // the uniform rise first
			for _, c := range j.cur.Raw.Cols {
				if j.curM.Direction(c) != 0 {
					cols = append(cols, c)
				}
			}
		}
		for _, c := range cols {
			r, err := engine.WhatIf(j.curM, j.cur, engine.WhatIfQuery{Unit: j.unit, Column: c, TopK: *o.toTop, InGroup: *o.inGroup})
			if err != nil {
				return nil, err
			}
			rep.Gaps = append(rep.Gaps, r)
		}
	}
	if *o.set != "" {
		col, val, ok := strings.Cut(*o.set, "=")
		v, perr := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if !ok || perr != nil {
			return nil, &usageError{"--set CODE=VALUE"}
		}
		ri := &rankIf{Column: strings.TrimSpace(col), Value: v}
		if ri.Score, ri.Rank, ri.GroupRank, err = engine.RankIf(j.curM, j.cur, j.unit, ri.Column, v); err != nil {
			return nil, err
		}
		rep.RankIf = ri
	}
	return rep, nil
}

func yearOf(path string) string {
	for i := 0; i+4 <= len(path); i++ {
		if y := path[i : i+4]; (strings.HasPrefix(y, "19") || strings.HasPrefix(y, "20")) && isDigits(y) {
			return y
		}
	}
	return ""
}

func isDigits(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// signed formats a change with its sign.
func signed(v float64) string {
	if v != v {
		return "—"
	}
	if math.Abs(v) < 5e-13 {
		v = 0
	}
	return fmt.Sprintf("%+.3f", v)
}
