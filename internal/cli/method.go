package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/coinr"
	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/method"
)

// runMethod is `qiangxian method check M` and `qiangxian method from-coinr
// --imeta iMeta.csv -o M`.
func runMethod(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return e.usageErr("用法：qiangxian method check 方法.toml | method from-coinr --imeta iMeta.csv -o 方法.toml",
			"usage: qiangxian method check METHOD.toml | method from-coinr --imeta iMeta.csv -o METHOD.toml")
	}
	switch args[0] {
	case "check":
		return e.methodCheck(args[1:])
	case "from-coinr":
		return e.methodFromCOINr(args[1:])
	}
	return e.usageErr("未知的子命令 %q（可用：check、from-coinr）", "unknown subcommand %q (known: check, from-coinr)", args[0])
}

// methodCheck validates a method and prints its tree with the effective
// weight of every node under every type.
func (e *env) methodCheck(args []string) error {
	fs := e.newFlags("method check")
	data := fs.String("data", "", e.t("数据（.xlsx 或 .csv）：检查按此数据计算时规则是否改用其他规则、是否有“悬崖”", "data (.xlsx or .csv): check whether rules fall back and where scores have cliffs"))
	sheet := fs.String("sheet", "", e.t("数据工作表名（默认第一个）", "data sheet name (default: the first)"))
	events := fs.String("events", "", e.t("事件表 .csv", "events .csv"))
	targets := fs.String("targets", "", e.t("目标表 .csv", "targets .csv"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return e.usageErr("用法：qiangxian method check 方法.toml [--data 数据 [--targets 目标.csv] [--events 事件.csv]]",
			"usage: qiangxian method check METHOD.toml [--data DATA [--targets TARGETS.csv] [--events EVENTS.csv]]")
	}
	m, err := e.loadMethod(fs.Arg(0))
	if err != nil {
		return err
	}
	trees := make([]*engine.Tree, len(m.Types))
	weights := make([]map[string]float64, len(m.Types))
	sources := make([][]method.WeightSource, len(m.Types))
	for i, t := range m.Types {
		if trees[i], err = m.Tree(t.Name); err != nil {
			return err
		}
		weights[i] = trees[i].EffectiveWeights()
		if sources[i], err = m.WeightSources(t.Name); err != nil {
			return err
		}
	}
	w := e.stdout
	fmt.Fprintf(w, "%s — %s\n", m.Title, e.t("方法检查通过", "the method is valid"))
	fmt.Fprintln(w, e.t("有效权重（%%，从上到下各级归一化权重之积），按县域类型：", "Effective weights (%%, product of the normalised weights down the tree), per county type:"))
	fmt.Fprint(w, padRight("", labelWidth))
	for _, t := range m.Types {
		fmt.Fprint(w, " "+padLeft(t.Name, 10))
	}
	fmt.Fprintln(w)
	rules := map[string]string{}
	for _, ind := range m.Indicators {
		if ind.Score != nil {
			rules[ind.Code] = ind.Score.Rule
		}
	}
	t := trees[0]
	// Below a node weighted by the data, effective weights are known only
	// after a run: they show as —.
	var walk func(i, depth int, unknown bool)
	walk = func(i, depth int, unknown bool) {
		n := t.Nodes[i]
		label := strings.Repeat("  ", depth) + n.Code + " " + nodeName(m, n.Code)
		if r := rules[n.Code]; r != "" {
			label += " [" + r + "]"
		}
		fmt.Fprint(w, padRight(label, labelWidth))
		for k := range m.Types {
			if unknown {
				fmt.Fprintf(w, " %10s", "—") // one column wide, not two
			} else {
				fmt.Fprintf(w, " %10.2f", 100*weights[k][n.Code])
			}
		}
		fmt.Fprintln(w)
		for _, c := range t.Children[i] {
			walk(c, depth+1, unknown || derivedFromData(m, n.Code))
		}
	}
	walk(t.Index(m.Root()), 0, false)
	e.printWeightSources(w, m, sources)
	var unscored []string
	for _, ind := range m.Indicators {
		if ind.Parent == "" {
			unscored = append(unscored, ind.Code)
		}
	}
	fmt.Fprintln(w, e.t("不单独计分的数据列：%s", "columns read but not scored: %s", strings.Join(unscored, ", ")))
	for _, ev := range m.Events {
		fmt.Fprintf(w, "%s %s %s\n", e.t("事件", "event"), ev.Type, eventRule(ev))
	}
	for _, a := range m.Awards {
		fmt.Fprintf(w, "%s %s: %s %d\n", e.t("奖项", "award"), a.Name, a.Kind, a.Count)
	}
	if *data != "" {
		return e.checkWithData(m, *data, *sheet, *events, *targets)
	}
	return nil
}

// derivedFromData reports whether the children of node code are weighted
// by the data at run time.
func derivedFromData(m *method.Method, code string) bool {
	for _, n := range m.Nodes {
		if n.Code == code {
			return n.WeightsFrom.Data()
		}
	}
	return false
}

// printWeightSources lists the nodes whose children's weights are derived,
// top-down: AHP with its priorities and consistency per matrix, entropy and
// CRITIC with their conventions (computed at run time).
func (e *env) printWeightSources(w io.Writer, m *method.Method, sources [][]method.WeightSource) {
	first := true
	for k := len(sources[0]) - 1; k >= 0; k-- {
		s := sources[0][k]
		wf := s.Rule
		if wf == nil {
			continue
		}
		if first {
			fmt.Fprintln(w, e.t("权重来源（未列出的节点，其下级为固定权重）：", "Weight sources (children of nodes not listed have fixed weights):"))
			first = false
		}
		head := e.t("  %s %s 的下级：%s", "  children of %s %s: %s", s.Node, nodeName(m, s.Node), method.MethodName(wf.Method, string(e.lang)))
		switch wf.Method {
		case method.WeightsAHP:
			fmt.Fprintln(w, head+e.t("，优先级 %s，RI 表 %s，CR 上限 %g", ", priority %s, RI table %s, max CR %g", wf.Priority, wf.RI, wf.MaxCR))
			e.printAHP(w, m, s.Node, sources)
		default:
			sample := e.t("全部单位", "over all units")
			if wf.PerType {
				sample = e.t("各类型的单位分别计算", "within each type")
			}
			conv := "values = " + wf.Values + ", " + sample
			if wf.Method == method.WeightsEntropy {
				conv = "standardise = " + wf.Standardise + ", " + conv
			}
			fmt.Fprintln(w, head+e.t("（%s）：运行时由当年数据计算", " (%s): computed from the data at run time", conv))
		}
	}
}

// printAHP prints node's AHP priorities and consistency once per matrix,
// naming the types that use it.
func (e *env) printAHP(w io.Writer, m *method.Method, node string, sources [][]method.WeightSource) {
	wf := m.Nodes[slices.IndexFunc(m.Nodes, func(n method.Node) bool { return n.Code == node })].WeightsFrom
	var groups [][]int // type indices sharing a matrix: the default matrix first
	var shared []int
	for i, t := range m.Types {
		if _, own := wf.Matrices[t.Name]; own {
			groups = append(groups, []int{i})
		} else {
			shared = append(shared, i)
		}
	}
	if shared != nil {
		groups = append([][]int{shared}, groups...)
	}
	for _, g := range groups {
		var names []string
		for _, i := range g {
			names = append(names, m.Types[i].Name)
		}
		label := strings.Join(names, e.t("、", ", "))
		if len(g) == len(m.Types) {
			label = e.t("所有类型", "all types")
		}
		s := sources[g[0]][slices.IndexFunc(sources[g[0]], func(s method.WeightSource) bool { return s.Node == node })]
		parts := make([]string, len(s.Children))
		for k, c := range s.Children {
			parts[k] = fmt.Sprintf("%s %.4f", c, s.Weights[k])
		}
		fmt.Fprintln(w, e.t("    %s：%s", "    %s: %s", label, strings.Join(parts, "  ")))
		r := s.AHP
		fmt.Fprintf(w, "      λmax = %.4f  CI = %.4f  RI = %g  CR = %.4f < %g\n", r.LambdaMax, r.CI, r.RI, r.CR, wf.MaxCR)
	}
}

// labelWidth is the width of the tree column of method check.
const labelWidth = 64

// displayWidth counts the terminal columns of s, a CJK character as two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// padRight pads s with spaces to width terminal columns.
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-displayWidth(s)))
}

// padLeft right-aligns s in width terminal columns.
func padLeft(s string, width int) string {
	return strings.Repeat(" ", max(0, width-displayWidth(s))) + s
}

func eventRule(ev method.EventType) string {
	if ev.Effect == method.EffectVeto {
		return "veto"
	}
	s := fmt.Sprintf("%s %g", ev.Effect, ev.Points)
	if ev.Max == ev.Max {
		s += fmt.Sprintf(" (max %g)", ev.Max)
	}
	return s
}

// methodFromCOINr converts COINr's iMeta into a method file: aggregates
// become nodes, indicators are scored by the engine's min-max
// normalisation to 0–100 (COINr's default), one county type holds every
// unit, and (unless --denominate=false) an indicator with a Denominator
// becomes a derived ratio of its raw column; --treat sets the outlier
// treatment. The result is parsed back before it is written.
func (e *env) methodFromCOINr(args []string) error {
	fs := e.newFlags("method from-coinr")
	imeta := fs.String("imeta", "", e.t("COINr 格式的指标元数据 iMeta.csv", "COINr iMeta.csv"))
	out := fs.String("o", "", e.t("输出的方法文件（.toml）", "output method file (.toml)"))
	treat := fs.String("treat", "none", e.t("离群值处理：none、default、winmax:N", "outlier treatment: none, default, winmax:N"))
	denominate := fs.Bool("denominate", true, e.t("有 Denominator 的指标转为比率（人均）指标", "turn indicators with a Denominator into ratios"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if *imeta == "" || *out == "" {
		return e.usageErr("需要 --imeta 和 -o", "--imeta and -o are required")
	}
	t, err := openTable(*imeta)
	if err != nil {
		return err
	}
	meta, err := coinr.ReadMeta(t)
	if err != nil {
		return err
	}
	src := coinrMethod(meta, *imeta, *treat, *denominate)
	if _, err := method.Parse(*out, []byte(src)); err != nil {
		// Only a bad --treat can make it invalid.
		return e.usageErr("转换结果无效（--treat？）：%v", "the converted method is invalid (--treat?): %v", err)
	}
	if err := writeFileAtomic(*out, func(w io.Writer) error { _, err := io.WriteString(w, src); return err }); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("方法已写入 %s", "method written to %s", *out))
	return nil
}

func coinrMethod(meta *coinr.Meta, from, treat string, denominate bool) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# 由 COINr 指标元数据 %s 转换（qiangxian method from-coinr）。\n", from)
	p("# 每个指标按引擎的 min-max 标准化计为 0–100 分（COINr 的默认做法）；请按评价办法修改计分规则。\n\n")
	p("title = %s\n\n[data]\ncode = \"uCode\"\nname = \"uName\"\ntypes = []   # 不分类型：所有单位属于唯一的类型\n\n", tomlString("COINr: "+from))
	p("[pipeline]\nimpute = \"none\"\ntreat = %s\naggregate = \"amean\"\n\n[[type]]\nname = \"全部\"\n", tomlString(treat))
	var denoms []string
	for _, n := range meta.Meta.Nodes {
		if n.Level < 2 {
			continue
		}
		p("\n[[node]]\ncode = %s\nname = %s\n", tomlString(n.Code), tomlString(n.Name))
		if n.Parent != "" {
			p("parent = %s\nweight = %s\n", tomlString(n.Parent), strconv.FormatFloat(n.Weight, 'g', -1, 64))
		}
	}
	for _, n := range meta.Meta.Nodes {
		if n.Level != 1 {
			continue
		}
		code := n.Code
		if !denominate {
			n.Denominator = ""
		}
		if n.Denominator != "" {
			p("\n[[indicator]]\ncode = %s\nname = %s\n# 原始数据列，除以分母后计分。\n", tomlString(n.Code), tomlString(n.Name))
			code = n.Code + "_per_" + n.Denominator
			if !slices.Contains(denoms, n.Denominator) {
				denoms = append(denoms, n.Denominator)
			}
		}
		p("\n[[indicator]]\ncode = %s\nname = %s\ndirection = %g\n", tomlString(code), tomlString(n.Name), n.Direction)
		if n.Denominator != "" {
			p("source = \"ratio\"\nnumerator = %s\ndenominator = %s\n", tomlString(n.Code), tomlString(n.Denominator))
		}
		p("parent = %s\nweight = %s\n", tomlString(n.Parent), strconv.FormatFloat(n.Weight, 'g', -1, 64))
		p("[indicator.score]\nrule = \"normalise\"\nmethod = \"minmax\"\nparams = [0, 100]\n")
	}
	for _, d := range denoms {
		p("\n[[indicator]]\ncode = %s\n# 分母列\n", tomlString(d))
	}
	return b.String()
}

// tomlString quotes s as a TOML basic string (TOML has no \x escapes, so
// strconv.Quote will not do).
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
