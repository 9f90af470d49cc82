package method

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// This file lets a node derive the weights of its children instead of
// fixing them: from an AHP pairwise matrix written in the method (checked
// for consistency when the method is validated), or from the year's data by
// the entropy or CRITIC method (computed by Run, see weights_derive.go).
// The calculators are engine.AHPWeights, engine.EntropyWeights and
// engine.CRITICWeights; this file binds them to the method file.
//
//	[[node]]
//	code = "total"
//	weights_from = "ahp"           # fixed (default), ahp, entropy, critic
//	[node.ahp]
//	order = ["econ", "fiscal", "sector", "welfare", "green"]
//	matrix = [[1, 2, 3, 3, 4], ["1/2", 1, 2, 2, 3], …]
//	priority = "eigen"             # eigen (default), sum, geomean
//	ri = "saaty1980"               # RI table (default saaty1980)
//	max_cr = 0.1                   # CR ≥ max_cr is a validation error
//	[node.ahp.matrices]            # optional per-type matrices
//	"生态功能型" = [[…], …]
//
//	[[node]]
//	code = "econ"
//	weights_from = "entropy"
//	[node.entropy]                 # optional; [node.critic] likewise, without standardise
//	standardise = "none"           # none (default), minmax
//	values = "scores"              # scores (default), raw
//	per_type = false               # true: computed over each type's members

// Weight derivations: where the weights of a node's children come from.
const (
	WeightsFixed   = "fixed"   // the children's weight and weights fields (default)
	WeightsAHP     = "ahp"     // an AHP pairwise matrix in the method file
	WeightsEntropy = "entropy" // the entropy method (熵权法) on the year's data
	WeightsCRITIC  = "critic"  // CRITIC on the year's data
)

// Values an entropy or CRITIC derivation is computed from.
const (
	// ValuesScores are the values the node aggregates: the children's
	// scores after the scoring rules (indicators) or their aggregated scores
	// under the type's weights (nodes). Scores already point the right way,
	// so every child counts as a benefit criterion.
	ValuesScores = "scores"
	// ValuesRaw are the indicator values the scoring rules read (after
	// imputation and, where it applies, outlier treatment; for level_growth
	// the level), with each indicator's direction. Only for nodes whose
	// children are all indicators.
	ValuesRaw = "raw"
)

// WeightsFrom is how a node derives the weights of its children. Only the
// fields of its Method matter.
type WeightsFrom struct {
	Method string // WeightsAHP, WeightsEntropy or WeightsCRITIC

	// ahp: Order lists the children in the order of the matrix rows and
	// columns; Matrix serves every type not in Matrices (nil when every type
	// has its own). Entries a_ij say how much more important child i is than
	// child j (Saaty's 1–9 scale).
	Order    []string
	Matrix   [][]float64
	Matrices map[string][][]float64
	Priority string  // engine.PriorityEigen (default), PrioritySum, PriorityGeomean
	RI       string  // RI table (default saaty1980), see engine.RITables
	MaxCR    float64 // a matrix with CR ≥ MaxCR is rejected (default engine.AHPMaxCR)

	// entropy, critic.
	Standardise string // entropy only: engine.StandardiseNone (default) or StandardiseMinMax
	Values      string // ValuesScores (default) or ValuesRaw
	PerType     bool   // computed over each type's members rather than all units

	path string // of the node
}

// Data reports whether the weights are computed from the data at run time.
func (wf *WeightsFrom) Data() bool {
	return wf != nil && (wf.Method == WeightsEntropy || wf.Method == WeightsCRITIC)
}

// MatrixFor returns the pairwise matrix of type typ and its field path.
func (wf *WeightsFrom) MatrixFor(typ string) ([][]float64, string) {
	if a, ok := wf.Matrices[typ]; ok {
		return a, wf.path + ".ahp.matrices." + typ
	}
	return wf.Matrix, wf.path + ".ahp.matrix"
}

// methodNames names the derivations: Chinese, English.
var methodNames = map[string][2]string{
	WeightsFixed:   {"固定权重", "fixed weights"},
	WeightsAHP:     {"层次分析法（AHP）", "AHP"},
	WeightsEntropy: {"熵权法", "the entropy method"},
	WeightsCRITIC:  {"CRITIC 法", "CRITIC"},
}

// MethodName names the derivation method in lang ("zh" or "en").
func MethodName(method, lang string) string {
	n, ok := methodNames[method]
	switch {
	case !ok:
		return method
	case lang == "en":
		return n[1]
	}
	return n[0]
}

// methodName is a derivation's name as a message argument.
type methodName string

// Message implements locale.Localizer.
func (n methodName) Message(lang string) string { return MethodName(string(n), lang) }

// weightsFrom reads weights_from and its sub-table; nil for fixed weights.
func (r *reader) weightsFrom(t map[string]any, p string) *WeightsFrom {
	kind := r.str(t, p, "weights_from", WeightsFixed)
	wf := &WeightsFrom{Method: kind, Priority: engine.PriorityEigen, RI: engine.RITables[0], MaxCR: engine.AHPMaxCR,
		Standardise: engine.StandardiseNone, Values: ValuesScores, path: p}
	for _, key := range []string{WeightsAHP, WeightsEntropy, WeightsCRITIC} {
		s := r.table(t, p, key)
		if s == nil {
			continue
		}
		sp := join(p, key)
		if key != kind {
			r.fail(sp, locale.M("method.wf.unused", key, kind))
			continue
		}
		switch key {
		case WeightsAHP:
			r.known(s, sp, "order", "matrix", "matrices", "priority", "ri", "max_cr")
			wf.Order = r.strs(s, sp, "order")
			wf.Matrix = r.matrix(s, sp, "matrix")
			if ms := r.table(s, sp, "matrices"); ms != nil {
				wf.Matrices = map[string][][]float64{}
				for typ := range ms {
					wf.Matrices[typ] = r.matrix(ms, sp+".matrices", typ)
				}
			}
			wf.Priority, wf.RI = r.str(s, sp, "priority", wf.Priority), r.str(s, sp, "ri", wf.RI)
			wf.MaxCR = r.num(s, sp, "max_cr", wf.MaxCR)
		case WeightsEntropy:
			r.known(s, sp, "standardise", "values", "per_type")
			wf.Standardise = r.str(s, sp, "standardise", wf.Standardise)
		case WeightsCRITIC:
			r.known(s, sp, "values", "per_type")
		}
		wf.Values, wf.PerType = r.str(s, sp, "values", wf.Values), r.boolean(s, sp, "per_type", false)
	}
	switch kind {
	case WeightsFixed:
		return nil
	case WeightsAHP:
		if _, ok := t[WeightsAHP]; !ok {
			r.fail(join(p, "weights_from"), locale.M("method.wf.noahp"))
		}
		return wf
	case WeightsEntropy, WeightsCRITIC:
		return wf
	}
	r.fail(join(p, "weights_from"), locale.M("method.oneof", "fixed, ahp, entropy, critic", kind))
	return nil
}

// matrix reads an array of rows of numbers; an entry may also be a string
// "a/b" (or a number in a string), since TOML has no fractions and 1/3 is
// how analysts write the reciprocal of 3. A bad entry is reported and read
// as NaN.
func (r *reader) matrix(m map[string]any, path, key string) [][]float64 {
	v, ok := m[key]
	if !ok {
		return nil
	}
	p := join(path, key)
	rows, ok := v.([]any)
	if !ok {
		r.fail(p, locale.M("method.t.matrix"))
		return [][]float64{{math.NaN()}}
	}
	out := make([][]float64, len(rows))
	for i, row := range rows {
		cells, ok := row.([]any)
		if !ok {
			r.fail(fmt.Sprintf("%s[%d]", p, i), locale.M("method.t.matrix"))
			out[i] = []float64{math.NaN()}
			continue
		}
		out[i] = make([]float64, len(cells))
		for j, c := range cells {
			f, ok := ratio(c)
			if !ok {
				r.fail(fmt.Sprintf("%s[%d][%d]", p, i, j), locale.M("method.t.ratio"))
				f = math.NaN()
			}
			out[i][j] = f
		}
	}
	return out
}

// ratio reads a number, or a string holding a number or a fraction a/b.
func ratio(v any) (float64, bool) {
	if f, ok := toFloat(v); ok {
		return f, true
	}
	s, ok := v.(string)
	if !ok {
		return 0, false
	}
	num, den, frac := strings.Cut(strings.TrimSpace(s), "/")
	a, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || math.IsInf(a, 0) || math.IsNaN(a) {
		return 0, false
	}
	if !frac {
		return a, true
	}
	b, err := strconv.ParseFloat(strings.TrimSpace(den), 64)
	if err != nil || b == 0 || math.IsInf(b, 0) || math.IsNaN(b) {
		return 0, false
	}
	return a / b, true
}

// node returns the node code, or nil.
func (m *Method) node(code string) *Node {
	for i := range m.Nodes {
		if m.Nodes[i].Code == code {
			return &m.Nodes[i]
		}
	}
	return nil
}

// AHP returns the AHP result of node code's matrix for type typ.
func (m *Method) AHP(code, typ string) (*engine.AHPResult, error) {
	n := m.node(code)
	if n == nil || n.WeightsFrom == nil || n.WeightsFrom.Method != WeightsAHP {
		return nil, fmt.Errorf("method: node %s has no AHP matrix", code)
	}
	a, _ := n.WeightsFrom.MatrixFor(typ)
	return engine.AHPWeights(a, n.WeightsFrom.Priority, n.WeightsFrom.RI)
}

// deriveStatic puts into meta the weights that derivations fix without
// data: AHP priorities, and 1 (a placeholder, equal weights) for children
// weighted by the data, which Run replaces.
func (m *Method) deriveStatic(meta *engine.Meta, typ string) error {
	idx := make(map[string]int, len(meta.Nodes))
	for i, n := range meta.Nodes {
		idx[n.Code] = i
	}
	for _, n := range m.Nodes {
		switch {
		case n.WeightsFrom == nil:
		case n.WeightsFrom.Method == WeightsAHP:
			res, err := m.AHP(n.Code, typ)
			if err != nil {
				return err
			}
			for k, code := range n.WeightsFrom.Order {
				if i, ok := idx[code]; ok {
					meta.Nodes[i].Weight = res.Weights[k]
				}
			}
		default:
			for _, code := range m.children(n.Code) {
				if i, ok := idx[code]; ok {
					meta.Nodes[i].Weight = 1
				}
			}
		}
	}
	return nil
}

func init() {
	locale.Register(map[string][2]string{
		"method.t.matrix":       {"应为矩阵（数组的数组），如 [[1, 3], [\"1/3\", 1]]", "expected a matrix (an array of arrays), e.g. [[1, 3], [\"1/3\", 1]]"},
		"method.t.ratio":        {"应为正数或分数字符串（如 \"1/3\"）", "expected a positive number or a fraction string (e.g. \"1/3\")"},
		"method.wf.unused":      {"[%s] 只在 weights_from = %[1]q 时使用（此处为 %[2]q）", "[%s] is used only with weights_from = %[1]q (here %[2]q)"},
		"method.wf.noahp":       {"weights_from = \"ahp\" 需要 [node.ahp]（order 和 matrix）", "weights_from = \"ahp\" needs [node.ahp] (order and matrix)"},
		"method.wf.childweight": {"上级节点 %s 的权重由 weights_from = %q 求得，此处不应再给出权重", "the weights under %s come from weights_from = %q: give no weight here"},
		"method.wf.rawnode":     {"values = \"raw\" 只适用于下级全是指标的节点，%s 的下级 %s 是节点", "values = \"raw\" needs indicators only below the node, but %s has the node %s below it"},
		"method.wf.notchild":    {"%q 不是节点 %s 的下级", "%q is not a child of %s"},
		"method.wf.unordered":   {"节点 %s 的下级 %s 不在 order 中", "the child %[2]s of %[1]s is missing from order"},
		"method.wf.nomatrix":    {"类型 %s 没有判断矩阵：请给出 matrix 或 matrices 中的该类型", "no pairwise matrix for type %s: give matrix, or this type in matrices"},
		"method.wf.size":        {"判断矩阵有 %d 行，order 列出 %d 个下级", "the pairwise matrix has %d rows but order lists %d children"},
		"method.wf.matrix":      {"节点 %s 的判断矩阵有误：%s", "the pairwise matrix of node %s is invalid: %s"},
		"method.wf.cr": {"节点 %s（%s）的判断矩阵未通过一致性检验：CR = %.4f ≥ %v（λmax = %.4f，CI = %.4f，RI = %v，RI 表 %s）；请调整判断矩阵",
			"the pairwise matrix of node %s (%s) fails the consistency check: CR = %.4f ≥ %v (λmax = %.4f, CI = %.4f, RI = %v, RI table %s); revise the judgements"},
	})
}
