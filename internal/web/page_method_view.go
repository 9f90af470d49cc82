package web

import (
	"fmt"
	"math"
	"net/http"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// methodView is the method page: the indicator tree with every type's
// effective weights side by side, each indicator's definition and
// providing department, and how each aggregate's weights were obtained.
type methodView struct {
	Stored  store.Method
	Title   string
	Run     store.Run // the run whose method this is; ID 0 for a method chosen directly
	Picker  runPicker
	Types   []string
	Areas   []methodArea
	Sources []methodSource
	Rules   []method.Section // every rule of the method in words (method.Describe)
	Sample  bool
	chart   map[string]any
}

// methodArea is an area (a child of the top node) with its indicators.
type methodArea struct {
	Code, Name string
	Weights    []float64 // effective weight per type, in %
	Indicators []methodIndicator
}

// methodIndicator is a scored indicator of the method.
type methodIndicator struct {
	Code, Name, Measure, Department, Definition string
	Rule                                        string
	Lower                                       bool      // less is better
	Weights                                     []float64 // effective weight per type, in %
}

// methodSource is how one aggregate's children were weighted in one type.
type methodSource struct {
	Type, Node, From, Detail string
}

// Sunburst is the tree of the first type's effective weights as an ECharts
// sunburst option.
func (v *methodView) Sunburst() map[string]any { return v.chart }

// newMethodView lays out m; weights are the effective weights per type
// (from a run's outcome when there is one, so that weights computed from
// the data are the ones used).
func newMethodView(m *method.Method, weights map[string]map[string]float64, lang locale.Lang) (*methodView, error) {
	en := lang == locale.EN
	names := methodNames(m, en)
	v := &methodView{Title: m.Title, Sample: m.Sample, Rules: m.Describe(lang)}
	if en && m.TitleEn != "" {
		v.Title = m.TitleEn
	}
	for _, t := range m.Types {
		v.Types = append(v.Types, t.Name)
	}
	pct := func(code string) []float64 {
		out := make([]float64, len(v.Types))
		for i, t := range v.Types {
			w, ok := weights[t][code]
			if !ok {
				w = math.NaN()
			}
			out[i] = 100 * w
		}
		return out
	}
	root := m.Root()
	var data []map[string]any
	for _, n := range m.Nodes {
		if n.Parent != root || root == "" {
			continue
		}
		a := methodArea{Code: n.Code, Name: names[n.Code].Name, Weights: pct(n.Code)}
		var kids []map[string]any
		for _, ind := range m.Indicators {
			if ind.Parent != n.Code || ind.Score == nil {
				continue
			}
			mi := methodIndicator{Code: ind.Code, Name: names[ind.Code].Name, Measure: ind.Unit, Department: ind.Department,
				Definition: ind.Definition, Rule: method.RuleName(ind.Score.Rule, lang), Lower: ind.Direction < 0, Weights: pct(ind.Code)}
			a.Indicators = append(a.Indicators, mi)
			if len(v.Types) > 0 && !math.IsNaN(mi.Weights[0]) && mi.Weights[0] > 0 {
				kids = append(kids, map[string]any{"name": mi.Name, "value": math.Round(mi.Weights[0]*100) / 100})
			}
		}
		v.Areas = append(v.Areas, a)
		data = append(data, map[string]any{"name": a.Name, "children": kids})
	}
	v.chart = map[string]any{
		"tooltip": map[string]any{"trigger": "item", "formatter": "{b}: {c}%"},
		"series": []map[string]any{{"type": "sunburst", "data": data, "radius": []string{"12%", "95%"},
			"label": map[string]any{"rotate": "radial", "fontSize": 10, "minAngle": 12}}}, // no label on slices too thin to hold one
	}
	for _, t := range v.Types {
		srcs, err := m.WeightSources(t)
		if err != nil {
			return nil, err
		}
		for _, src := range srcs {
			ms := methodSource{Type: t, Node: names[src.Node].Name, From: method.MethodName(src.From(), string(lang))}
			switch {
			case src.AHP != nil:
				ms.Detail = fmt.Sprintf("λmax = %.4f, CI = %.4f, RI = %.2f, CR = %.4f", src.AHP.LambdaMax, src.AHP.CI, src.AHP.RI, src.AHP.CR)
			case src.Rule.Data():
				ms.Detail = ui(lang, "method.fromData")
			}
			if len(src.Weights) > 0 {
				var parts []string
				for k, c := range src.Children {
					parts = append(parts, fmt.Sprintf("%s %.1f%%", names[c].Name, 100*src.Weights[k]))
				}
				ms.Detail = strings.TrimPrefix(ms.Detail+"；"+strings.Join(parts, "，"), "；")
			}
			v.Sources = append(v.Sources, ms)
		}
	}
	return v, nil
}

// methodFor picks the method of the page: ?method= for those who may read
// methods, else the method of the run ?run= (or of the newest published
// run the caller may read). ok is false when there is none to show.
func (s *Server) methodFor(r *http.Request) (m store.Method, run store.Run, ok bool, err error) {
	c := callerOf(r)
	if id, err := queryInt(r, "method"); err != nil || id != 0 {
		if err != nil {
			return m, run, false, err
		}
		if err := require(c, auth.Read, auth.Resource{Kind: auth.KindMethod}, "methods"); err != nil {
			return m, run, false, err
		}
		m, err = s.db.Method(r.Context(), id)
		return m, run, err == nil, err
	}
	run, ok, err = s.pickRun(r)
	if err != nil || !ok {
		if err == nil && auth.Can(c.principal(), auth.Read, auth.Resource{Kind: auth.KindMethod}) {
			ms, err := s.db.Methods(r.Context())
			if err != nil || len(ms) == 0 {
				return m, run, false, err
			}
			return ms[len(ms)-1], run, true, nil
		}
		return m, run, false, err
	}
	m, err = s.db.Method(r.Context(), run.MethodID)
	return m, run, err == nil, err
}

func init() {
	registerUI(map[string][2]string{
		"method.title":      {"评价办法", "Evaluation method"},
		"method.none":       {"还没有您可以查看的评价办法。", "There is no method you may see yet."},
		"method.version":    {"版本 %s", "version %s"},
		"method.ofRun":      {"批次 #%d（%s 年）所用的办法", "The method of run #%d (%s)"},
		"method.tree":       {"指标体系与有效权重", "Indicator tree and effective weights"},
		"method.treeHow":    {"有效权重 = 沿指标体系逐层相乘的权重，即每个指标在综合得分中所占的比重；不同县域类型权重不同（分类赋权）。", "An effective weight is the product of the weights down the tree: the indicator's share of the overall score. Each county type has its own weights."},
		"method.sunburst":   {"%s 的有效权重", "Effective weights of %s"},
		"method.area":       {"领域", "Area"},
		"method.indicator":  {"指标", "Indicator"},
		"method.weightsOf":  {"各类型有效权重（%）", "Effective weights per type (%)"},
		"method.defs":       {"指标解释与提供部门", "Definitions and providing departments"},
		"method.measure":    {"单位", "Unit"},
		"method.dept":       {"提供部门", "Department"},
		"method.definition": {"指标解释", "Definition"},
		"method.rule":       {"计分方法", "Scoring rule"},
		"method.lower":      {"逆向指标（越低越好）", "lower is better"},
		"method.sources":    {"权重的来源", "How the weights were obtained"},
		"method.node":       {"上级节点", "Aggregate"},
		"method.from":       {"方法", "Method"},
		"method.detail":     {"说明", "Details"},
		"method.fromData":   {"每次评价时由当年数据计算", "computed from each year's data"},
		"method.rules":      {"评价规则", "The rules"},
		"method.rulesHow":   {"以下文字由办法文件逐条生成，与程序计算所用的规则一致。", "The text below is generated from the method file, rule by rule: it is what the program computes."},
	})
}

// methodWeights returns every type's effective weights: those the run
// used when there is a run, else the method's own (weights computed from
// the data are then equal placeholders).
func (s *Server) methodWeights(r *http.Request, toml, name string, runID int64) (map[string]map[string]float64, error) {
	out := map[string]map[string]float64{}
	if runID != 0 {
		rm, err := s.runModel(r.Context(), runID)
		if err != nil {
			return nil, err
		}
		for _, tr := range rm.outcome.Types {
			out[tr.Type] = tr.Weights
		}
		return out, nil
	}
	m, err := method.Parse(name, []byte(toml))
	if err != nil {
		return nil, err
	}
	for _, t := range m.Types {
		tree, err := m.Tree(t.Name)
		if err != nil {
			return nil, err
		}
		out[t.Name] = tree.EffectiveWeights()
	}
	return out, nil
}

// methodPicker offers the runs the caller may read.
func (s *Server) methodPicker(r *http.Request, selected int64) (runPicker, error) {
	pk := runPicker{Action: "/method", Selected: selected}
	runs, err := s.readableRuns(r, false)
	if err != nil {
		return pk, err
	}
	p := &Page{Lang: pageLang(r)}
	for _, run := range runs {
		pk.Runs = append(pk.Runs, runOption{ID: run.ID, Label: runLabel(p, run)})
	}
	return pk, nil
}
