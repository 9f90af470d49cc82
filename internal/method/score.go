package method

import (
	"bytes"
	"math"
	"math/big"
	"slices"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// scoreCtx is what a rule may read: the values after imputation and
// treatment, the targets, and the units (for per-unit targets).
type scoreCtx struct {
	vals    *engine.Dataset
	targets Targets
	units   []Unit
	m       *Method
	warn    func(w Warning)
	// typ is the type being scored for sample = "type": its declarers form
	// one sample; "" scores every unit in the sample of its primary type.
	typ string
	// samples are the type samples of units for typ, made at the first
	// rule with sample = "type" (typeSamplesOf).
	samples []typeSample
}

// score applies rule r to the values x of indicator ind.
func (c *scoreCtx) score(r *Rule, ind *Indicator, x []float64) ([]float64, error) {
	dir := ind.Direction
	var out []float64
	switch r.Rule {
	case RuleEfficacy:
		out = c.bySample(r, x, func(x []float64) []float64 {
			s, u := c.bound(r.Satisfactory, x, dir), c.bound(r.Unacceptable, x, dir)
			return engine.Efficacy(x, s, u, r.Low, r.High, r.Clamp)
		})
	case RuleCompletion, RuleAllOrNothing:
		t, ok := c.target(r, ind)
		if !ok {
			if r.Fallback != nil {
				c.warn(Warning{Kind: "fallback", Indicator: ind.Code, Msg: locale.M("method.w.fallback", ind.Code, r.Fallback.Rule)})
				return c.score(r.Fallback, ind, x)
			}
			c.warn(Warning{Kind: "notarget", Indicator: ind.Code, Msg: locale.M("method.w.notarget", ind.Code)})
		}
		if r.Rule == RuleCompletion {
			out = engine.Completion(x, t, dir, r.Full, r.Cap)
		} else {
			out = engine.AllOrNothing(x, t, dir, r.Full, r.Zero)
		}
		for i := range out {
			if math.IsNaN(out[i]) && !math.IsNaN(x[i]) {
				c.warn(Warning{Kind: "notarget", Unit: c.units[i].Code, Indicator: ind.Code, Msg: locale.M("method.w.unittarget", c.units[i].Code, ind.Code)})
			}
		}
	case RuleRank:
		out = c.bySample(r, x, func(x []float64) []float64 { return engine.RankScore(x, dir, r.Full, r.Step) })
	case RuleAverageDiff:
		out = c.bySample(r, x, func(x []float64) []float64 {
			avg := r.Average.Value
			switch r.Average.Stat {
			case "mean":
				avg = engine.Mean(x)
			case "median":
				avg = engine.Median(x)
			}
			return engine.AverageDiff(x, avg, dir, r.Base, r.Above, r.Below, r.Unit, r.Whole)
		})
	case RuleLevelGrowth:
		g := c.vals.Col(r.Growth)
		lv, err := c.score(r.Level, ind, x)
		if err != nil {
			return nil, err
		}
		gi := *ind
		if gind := c.m.indicator(r.Growth); gind != nil {
			gi = *gind
		}
		gv, err := c.score(r.GrowthRule, &gi, g)
		if err != nil {
			return nil, err
		}
		wl, wg := r.LevelWeight/(r.LevelWeight+r.GrowthWeight), r.GrowthWeight/(r.LevelWeight+r.GrowthWeight)
		out = make([]float64, len(x))
		for i := range out {
			out[i] = wl*lv[i] + wg*gv[i]
		}
	case RulePanel:
		out = make([]float64, len(x))
		for i, v := range x {
			out[i] = 100 * v / r.Full
			if v < 0 || v > r.Full {
				c.warn(Warning{Kind: "panel", Unit: c.units[i].Code, Indicator: ind.Code, Msg: locale.M("method.w.panel", c.units[i].Code, ind.Code, v, r.Full)})
			}
		}
	case RuleNormalise:
		out = make([]float64, len(x))
		node := engine.Node{Code: ind.Code, Direction: dir, Target: math.NaN(), GoalLower: math.NaN(),
			GoalUpper: math.NaN(), GoalScale: math.NaN(), CapMax: math.NaN()}
		if err := engine.NormaliseColumn(out, x, node, normSpec(r), -1, nil); err != nil {
			return nil, err
		}
	}
	return engine.Clamp(out, r.Floor, r.Ceiling), nil
}

// bySample applies f to x, or with r.Sample = "type" to the values of each
// type's declarers apart (primary or second type), and returns the scores
// in unit order. A unit is scored in the sample of c.typ if it declares it,
// else of its primary type (a unit without a type with the other untyped
// units).
func (c *scoreCtx) bySample(r *Rule, x []float64, f func(x []float64) []float64) []float64 {
	if r.Sample != SampleType {
		return f(x)
	}
	if c.samples == nil {
		c.samples = typeSamplesOf(c.units, c.typ)
	}
	out := make([]float64, len(x))
	sub := make([]float64, 0, len(x))
	for _, g := range c.samples {
		sub = sub[:0]
		for _, i := range g.members {
			sub = append(sub, x[i])
		}
		for k, v := range f(sub) {
			if g.home[k] {
				out[g.members[k]] = v
			}
		}
	}
	return out
}

// typeSample is the sample of one type: its declarers (unit indices, in
// unit order) and, for each, whether its score is taken from this sample.
type typeSample struct {
	members []int
	home    []bool
}

// typeSamplesOf groups units by declared type, in the order types first
// appear, the untyped together, for scoring with typ (see bySample). A
// type none of whose declarers is scored in it is left out: nothing of its
// sample would be kept. Computed once per scoring context: the units and
// typ do not change while it scores the indicators.
func typeSamplesOf(units []Unit, typ string) []typeSample {
	var order []string
	groups := map[string]*typeSample{}
	add := func(t string, i int, home bool) {
		g := groups[t]
		if g == nil {
			g = &typeSample{}
			groups[t] = g
			order = append(order, t)
		}
		g.members = append(g.members, i)
		g.home = append(g.home, home)
	}
	for i, u := range units {
		home := ""
		switch {
		case typ != "" && slices.Contains(u.Types, typ):
			home = typ
		case len(u.Types) > 0:
			home = u.Types[0]
		}
		for _, t := range u.Types {
			add(t, i, t == home)
		}
		if len(u.Types) == 0 {
			add("", i, true)
		}
	}
	var out []typeSample
	for _, t := range order {
		if slices.Contains(groups[t].home, true) {
			out = append(out, *groups[t])
		}
	}
	return out
}

// bound resolves a satisfactory or unacceptable value: a number, or the
// sample's best or worst value given the direction.
func (c *scoreCtx) bound(b Bound, x []float64, dir float64) float64 {
	lo, hi := engine.MinMax(x)
	switch {
	case b.Stat == "best" && dir > 0, b.Stat == "worst" && dir < 0:
		return hi
	case b.Stat == "best", b.Stat == "worst":
		return lo
	}
	return b.Value
}

// target returns the per-unit targets of ind (the targets table, else the
// rule's fixed target) and whether any unit has one.
func (c *scoreCtx) target(r *Rule, ind *Indicator) ([]float64, bool) {
	t := make([]float64, len(c.units))
	any := false
	for i, u := range c.units {
		t[i] = r.Target
		if v, ok := c.targets[ind.Code][u.Code]; ok {
			t[i] = v
		}
		any = any || !math.IsNaN(t[i])
	}
	return t, any
}

// round rounds v to d decimals, half away from zero, on its shortest
// decimal form (so that 2.675 becomes 2.68, as a person and a spreadsheet
// would round it, not 2.67 as its binary value would). d < 0 leaves v.
func round(v float64, d int) float64 {
	if d < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	// The shortest decimal that reads back as v, rounded half away from
	// zero at d decimals by hand on its digits: the same result as exact
	// rational arithmetic on that decimal (roundRat, kept for the test),
	// without its allocations — the what-if bisections of the score
	// sheets round every score of every run.
	digits := strconv.AppendFloat(make([]byte, 0, 32), math.Abs(v), 'f', -1, 64)
	dot := bytes.IndexByte(digits, '.')
	if dot < 0 || len(digits)-dot-1 <= d {
		return v
	}
	up := digits[dot+1+d] >= '5'
	keep := digits[:dot+1+d]
	if d == 0 {
		keep = digits[:dot]
	}
	if up {
		i := len(keep) - 1
		for ; i >= 0; i-- {
			if keep[i] == '.' {
				continue
			}
			if keep[i] < '9' {
				keep[i]++
				break
			}
			keep[i] = '0'
		}
		if i < 0 {
			keep = append([]byte{'1'}, keep...)
		}
	}
	f, err := strconv.ParseFloat(string(keep), 64)
	if err != nil || f == 0 {
		return f
	}
	if v < 0 {
		f = -f
	}
	return f
}

// roundRat is round by exact rational arithmetic on the shortest decimal
// of v: the reference the test holds round to.
func roundRat(v float64, d int) float64 {
	if d < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(v, 'g', -1, 64))
	if !ok {
		return v
	}
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d)), nil))
	r.Mul(r, scale)
	half := big.NewRat(1, 2)
	if r.Sign() < 0 {
		r.Sub(r, half)
	} else {
		r.Add(r, half)
	}
	q := new(big.Int).Quo(r.Num(), r.Denom()) // truncates towards zero
	f, _ := new(big.Rat).SetFrac(q, scale.Num()).Float64()
	return f
}

func init() {
	locale.Register(map[string][2]string{
		"method.w.fallback":   {"指标 %s 没有任何目标值，改用 %s 规则评分", "indicator %s has no target at all: scored by the %s rule instead"},
		"method.w.notarget":   {"指标 %s 没有目标值，无法计算完成率", "indicator %s has no targets: completion cannot be computed"},
		"method.w.unittarget": {"单位 %s 缺少指标 %s 的目标值（或目标不为正），该项不得分", "unit %s has no (positive) target for %s: not scored"},
		"method.w.panel":      {"单位 %s 的 %s 评议得分 %v 超出 0–%v", "unit %s: panel score %[3]v of %[2]s is outside 0–%[4]v"},
	})
}

// Round rounds v to d decimals as the method's published figures are
// rounded: half away from zero on v's shortest decimal form; d < 0 leaves v.
func Round(v float64, d int) float64 { return round(v, d) }
