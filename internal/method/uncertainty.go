package method

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// A method file may declare the uncertain inputs of its robustness
// analysis (qiangxian robustness --method), so that the analysis the
// committee approved is rerun as written; the command line's --vary-…, -n
// and --seed flags override it input by input.
//
//	[uncertainty]
//	weights = { 1 = 0.2, 2 = 0.25 }  # level = factor: every weight of the level × U[1−f, 1+f]
//	winmax = [1, 5]                  # Winsorisation limit drawn among 1, 2, …, 5
//	aggregate = ["amean", "gmean"]   # aggregation drawn among these
//	impute = ["none", "mean"]        # imputation drawn among these
//	leave_out = true                 # one scored indicator (or none) left out
//	n = 1000                         # replicates
//	seed = 1                         # random seed
//
// Levels are counted from the indicators up, as in COINr's iMeta and the
// --vary-weights flag: 1 = the scored indicators, 2 = the nodes directly
// above them, and so on; the top node has no siblings, so its level cannot
// be perturbed. A factor multiplies a node's weight under every type (the
// same draw for all types), after the weights are resolved (fixed, AHP or
// derived from the data). Normalisation cannot vary: the scoring rules
// replace it.

// Uncertainty declares the uncertain inputs of a method's robustness
// analysis. Each non-empty field is one uncertain input, which every
// replicate draws independently and uniformly among its alternatives; an
// empty field keeps the method's own choice.
type Uncertainty struct {
	// Weights perturbs whole levels (1 = indicators): each weight of a
	// listed level is multiplied by its own factor uniform in [1−f, 1+f].
	// All listed levels together are one uncertain input, "weights".
	Weights   []engine.LevelNoise
	WinMax    []int    // alternative Winsorisation limits (treat = winmax:N)
	Aggregate []string // alternative aggregations, as in [pipeline]
	Impute    []string // alternative imputations, as in [pipeline]
	LeaveOut  bool     // leave out one scored indicator, or none, uniformly

	N    int     // replicates; 0 when not given
	Seed *uint64 // random seed; nil when not given
}

// Options returns the run options u declares: its N (default 1000) and
// Seed (default 1); a caller sets the workers and may override both.
func (u *Uncertainty) Options() engine.RunOptions {
	o := engine.RunOptions{N: 1000, Seed: 1}
	if u.N > 0 {
		o.N = u.N
	}
	if u.Seed != nil {
		o.Seed = *u.Seed
	}
	return o
}

// imputeNames are the imputations of [pipeline].
var imputeNames = []string{"none", "mean", "median", "mean-group", "median-group"}

// uncertainty reads the optional [uncertainty] table; nil when absent.
func (r *reader) uncertainty(doc map[string]any) *Uncertainty {
	t := r.table(doc, "", "uncertainty")
	if t == nil {
		return nil
	}
	const p = "uncertainty"
	if _, ok := t["normalise"]; ok {
		r.fail(p+".normalise", locale.M("method.u.normalise"))
		delete(t, "normalise")
	}
	r.known(t, p, "weights", "winmax", "aggregate", "impute", "leave_out", "n", "seed")
	u := &Uncertainty{Aggregate: r.strs(t, p, "aggregate"), Impute: r.strs(t, p, "impute"),
		LeaveOut: r.boolean(t, p, "leave_out", false), N: r.integer(t, p, "n", 0)}
	if w := r.table(t, p, "weights"); w != nil {
		for key := range w {
			kp := p + ".weights." + key
			level, err := strconv.Atoi(key)
			f := r.num(w, p+".weights", key, 0)
			if err != nil {
				r.fail(kp, locale.M("method.u.levelkey", key))
				continue
			}
			u.Weights = append(u.Weights, engine.LevelNoise{Level: level, Factor: f})
		}
		slices.SortFunc(u.Weights, func(a, b engine.LevelNoise) int { return a.Level - b.Level })
	}
	if _, ok := t["winmax"]; ok {
		lim := r.nums(t, p, "winmax")
		ok := len(lim) == 2
		for _, v := range lim {
			ok = ok && v == float64(int(v)) && v >= 0
		}
		if !ok || lim[0] > lim[1] {
			r.fail(p+".winmax", locale.M("method.u.winmax"))
		} else {
			for w := int(lim[0]); w <= int(lim[1]); w++ {
				u.WinMax = append(u.WinMax, w)
			}
		}
	}
	if v, ok := t["seed"]; ok {
		if s, ok := v.(int64); ok && s >= 0 {
			seed := uint64(s)
			u.Seed = &seed
		} else {
			r.fail(p+".seed", locale.M("method.u.seed"))
		}
	}
	return u
}

// uncertainty checks the [uncertainty] table against the method.
func (c *checker) uncertainty() {
	if c.m.Uncertainty == nil {
		return
	}
	c.m.checkUncertainty(c.m.Uncertainty, func(path string, msg locale.Message) { c.fail("uncertainty."+path, msg) })
}

// checkUncertainty reports every problem of u, at paths relative to the
// [uncertainty] table (weights.2, aggregate[1], n).
func (m *Method) checkUncertainty(u *Uncertainty, fail func(path string, msg locale.Message)) {
	top := m.topLevel()
	seen := map[int]bool{}
	for _, ln := range u.Weights {
		p := fmt.Sprintf("weights.%d", ln.Level)
		switch {
		case ln.Level < 1 || (top > 0 && ln.Level >= top):
			fail(p, locale.M("method.u.level", ln.Level, max(top-1, 1)))
		case seen[ln.Level]:
			fail(p, locale.M("method.u.leveldup", ln.Level))
		case !(ln.Factor >= 0 && ln.Factor <= 1):
			fail(p, locale.M("method.u.factor", ln.Factor))
		}
		seen[ln.Level] = true
	}
	for i, w := range u.WinMax {
		if w < 0 {
			fail(fmt.Sprintf("winmax[%d]", i), locale.M("method.nonneg", w))
		}
	}
	for i, a := range u.Aggregate {
		if _, err := aggSpec(a); err != nil {
			fail(fmt.Sprintf("aggregate[%d]", i), locale.M("method.oneof", "amean, gmean, hmean, genmean:P", a))
		}
	}
	for i, s := range u.Impute {
		if !slices.Contains(imputeNames, s) {
			fail(fmt.Sprintf("impute[%d]", i), locale.M("method.oneof", "none, mean, median, mean-group, median-group", s))
		}
	}
	if u.N < 0 {
		fail("n", locale.M("method.positive", u.N))
	}
}

// topLevel returns the level of the top node (1 = indicators), counted
// along the parents of the scored indicators; 0 when the hierarchy is
// broken (unknown parent, cycle), which other checks report.
func (m *Method) topLevel() int {
	parent := map[string]string{}
	for _, n := range m.Nodes {
		parent[n.Code] = n.Parent
	}
	top := 0
	for _, ind := range m.scored() {
		level := 1
		for p := ind.Parent; p != ""; level++ {
			up, ok := parent[p]
			if !ok || level > len(m.Nodes) {
				return 0
			}
			p = up
		}
		top = max(top, level)
	}
	return top
}

// InputError is a problem with an uncertain input given outside the method
// file (by the command line or a caller), named as in [uncertainty].
type InputError struct {
	Input string
	Msg   locale.Message
}

// Message renders the error in lang ("zh" or "en").
func (e *InputError) Message(lang string) string {
	return locale.M("method.u.input", e.Input, localized(e.Msg)).In(locale.Lang(lang))
}

func (e *InputError) Error() string { return e.Message("en") }

// Check returns the first problem of u against m as an *InputError, nil
// when none; NewAnalysis calls it.
func (u *Uncertainty) Check(m *Method) error {
	var first error
	m.checkUncertainty(u, func(path string, msg locale.Message) {
		if first == nil {
			first = &InputError{Input: path, Msg: msg}
		}
	})
	return first
}

func init() {
	locale.Register(map[string][2]string{
		"method.u.normalise": {"评价方法由各指标的计分规则计分，不经过标准化：标准化方法不能作为不确定输入",
			"the method's scoring rules replace normalisation: normalisation cannot be an uncertain input"},
		"method.u.levelkey": {"层级应为整数（1 为指标层，向上依次加 1），实际为 %q", "the level must be an integer (1 = indicators, counting up), found %q"},
		"method.u.level":    {"层级 %d 不可扰动：应为 1 至 %d（1 为指标层；最高层只有一个节点，没有同级权重）", "level %d cannot be perturbed: it must be 1 to %d (1 = indicators; the top node has no siblings)"},
		"method.u.leveldup": {"层级 %d 重复", "level %d is given twice"},
		"method.u.factor":   {"扰动幅度应在 0 与 1 之间，实际为 %v", "the factor must be between 0 and 1, found %v"},
		"method.u.winmax":   {"应为缩尾点数的范围 [A, B]（整数，0 ≤ A ≤ B），如 [1, 5]", "expected the range of Winsorisation limits [A, B] (integers, 0 ≤ A ≤ B), e.g. [1, 5]"},
		"method.u.seed":     {"随机种子应为非负整数", "the seed must be a non-negative integer"},
		"method.u.input":    {"不确定输入 %s：%v", "uncertain input %s: %v"},
	})
}
