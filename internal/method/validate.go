package method

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// Validate checks m as a whole: codes, references to indicators, types,
// nodes and events, weights, the hierarchy, rule parameters, events, awards
// and grades. It returns every problem found (Errors), nil when none.
// Parse calls it; call it after building or editing a Method in code.
func (m *Method) Validate() error {
	if errs := m.validate(); len(errs) > 0 {
		return errs.sorted()
	}
	return nil
}

type checker struct {
	m    *Method
	errs Errors
}

func (c *checker) fail(path string, msg locale.Message) {
	c.errs = append(c.errs, &Error{File: c.m.File, Line: c.m.pos.line(path), Field: path, Msg: msg})
}

func (c *checker) oneOf(path, v string, allowed ...string) {
	if !slices.Contains(allowed, v) {
		c.fail(path, locale.M("method.oneof", strings.Join(allowed, ", "), v))
	}
}

func (m *Method) validate() Errors {
	c := &checker{m: m}
	if m.Decimals < -1 || m.Decimals > 10 {
		c.fail("decimals", locale.M("method.oneof", "-1 … 10", fmt.Sprint(m.Decimals)))
	}
	c.oneOf("overall", m.Overall, "primary", "max", "mean")
	if m.Data.Code == "" {
		c.fail("data.code", locale.M("method.required"))
	}
	if len(m.Data.Types) == 0 && len(m.Types) != 1 {
		// Without a type column every unit has the only type.
		c.fail("data.types", locale.M("method.required"))
	}
	c.types()
	c.notice()
	c.pipeline()
	codes := c.codes()
	c.indicators(codes)
	c.hierarchy()
	c.weightsFrom()
	for i, code := range m.TieBreak {
		if k, ok := codes[code]; !ok || (k != "node" && (m.indicator(code) == nil || m.indicator(code).Parent == "")) {
			c.fail(fmt.Sprintf("tie_break[%d]", i), locale.M("method.tiebreak"))
		}
	}
	c.events()
	c.awards()
	c.rewards()
	c.grades()
	c.constraints()
	c.oneOf("rise_baseline", m.RiseBaseline, BaselinePublished, BaselineRescored)
	if !(m.CliffPoints > 0) {
		c.fail("cliff_points", locale.M("method.positive", m.CliffPoints))
	}
	for _, ind := range m.Indicators {
		c.checkMissing(ind)
	}
	c.management()
	c.uncertainty()
	return c.errs
}

func (c *checker) types() {
	if len(c.m.Types) == 0 {
		c.fail("type", locale.M("method.notypes"))
	}
	seen := map[string]bool{}
	for i, t := range c.m.Types {
		p := fmt.Sprintf("type[%d].name", i)
		switch {
		case t.Name == "":
			c.fail(p, locale.M("method.required"))
		case seen[t.Name]:
			c.fail(p, locale.M("method.dup", t.Name))
		}
		seen[t.Name] = true
	}
}

func (c *checker) pipeline() {
	p := c.m.Pipeline
	c.oneOf("pipeline.impute", p.Impute, "none", "mean", "median", "mean-group", "median-group")
	if _, err := treatSpec(p.Treat); err != nil {
		c.fail("pipeline.treat", locale.M("method.oneof", "none, default, winmax:N", p.Treat))
	}
	if _, err := aggSpec(p.Aggregate); err != nil {
		c.fail("pipeline.aggregate", locale.M("method.oneof", "amean, gmean, hmean, genmean:P", p.Aggregate))
	}
}

// codes checks that indicator and node codes are present and unique, and
// returns code → "indicator" or "node".
func (c *checker) codes() map[string]string {
	codes := map[string]string{}
	add := func(path, code, kind string) {
		switch {
		case code == "":
			c.fail(path, locale.M("method.required"))
		case codes[code] != "":
			c.fail(path, locale.M("method.dup", code))
		default:
			codes[code] = kind
		}
	}
	for _, ind := range c.m.Indicators {
		add(ind.path+".code", ind.Code, "indicator")
	}
	for _, n := range c.m.Nodes {
		add(n.path+".code", n.Code, "node")
	}
	return codes
}

func (c *checker) indicators(codes map[string]string) {
	isInd := func(code string) bool { return codes[code] == "indicator" }
	for _, ind := range c.m.Indicators {
		p := ind.path
		if ind.Direction != 1 && ind.Direction != -1 {
			c.fail(p+".direction", locale.M("method.direction", ind.Direction))
		}
		ref := func(field, code string) {
			switch {
			case code == "":
				c.fail(p+"."+field, locale.M("method.derived", ind.Source, field))
			case code == ind.Code:
				c.fail(p+"."+field, locale.M("method.selfref"))
			case !isInd(code):
				c.fail(p+"."+field, locale.M("method.unknownind", code))
			}
		}
		switch ind.Source {
		case SourceReported, SourceOfficial:
		case SourcePerCapita, SourceRatio:
			ref("numerator", ind.Numerator)
			ref("denominator", ind.Denominator)
			if ind.Factor <= 0 {
				c.fail(p+".factor", locale.M("method.positive", ind.Factor))
			}
		case SourceGrowth:
			ref("numerator", ind.Numerator)
			ref("base", ind.Base)
		default:
			c.oneOf(p+".source", ind.Source, SourceReported, SourceOfficial, SourcePerCapita, SourceRatio, SourceGrowth)
		}
		if ind.Parent == "" {
			continue
		}
		switch codes[ind.Parent] {
		case "node":
		case "indicator":
			c.fail(p+".parent", locale.M("method.parentind", ind.Parent))
		default:
			c.fail(p+".parent", locale.M("method.unknownnode", ind.Parent))
		}
		c.childWeights(ind.Parent, p, ind.Weight, ind.Weights)
		if ind.Score != nil {
			c.rule(ind.Score, ind, codes)
		}
	}
}

// MaxWeight is the largest weight a method may give (engine.MaxWeight).
const MaxWeight = engine.MaxWeight

// weights checks a node's or indicator's weights: known types, not
// negative, finite and at most MaxWeight, and a weight for every type.
func (c *checker) weights(p string, w float64, ws map[string]float64) {
	c.weight(p+".weight", w)
	keys := make([]string, 0, len(ws))
	for k := range ws {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.ContainsFunc(c.m.Types, func(t Type) bool { return t.Name == k }) {
			c.fail(p+".weights."+k, locale.M("method.unknowntype", k))
		} else {
			c.weight(p+".weights."+k, ws[k])
		}
	}
	if !math.IsNaN(w) {
		return
	}
	for _, t := range c.m.Types {
		if _, ok := ws[t.Name]; !ok {
			c.fail(p+".weight", locale.M("method.noweight", t.Name))
			return
		}
	}
}

// weight checks one weight (NaN is an absent one).
func (c *checker) weight(p string, w float64) {
	switch {
	case w < 0:
		c.fail(p, locale.M("method.nonneg", w))
	case w > MaxWeight: // +Inf included
		c.fail(p, locale.M("method.weightbig", MaxWeight, w))
	}
}

func (c *checker) rule(r *Rule, ind Indicator, codes map[string]string) {
	p := r.path
	if !math.IsNaN(r.Floor) && !math.IsNaN(r.Ceiling) && r.Floor > r.Ceiling {
		c.fail(p+".floor", locale.M("method.floorceil", r.Floor, r.Ceiling))
	}
	positive := func(field string, v float64) {
		if math.IsNaN(v) {
			c.fail(p+"."+field, locale.M("method.required"))
		} else if v <= 0 {
			c.fail(p+"."+field, locale.M("method.positive", v))
		}
	}
	nonneg := func(field string, v float64) {
		if math.IsNaN(v) {
			c.fail(p+"."+field, locale.M("method.required"))
		} else if v < 0 {
			c.fail(p+"."+field, locale.M("method.nonneg", v))
		}
	}
	switch r.Rule {
	case RuleEfficacy:
		s, u := r.Satisfactory, r.Unacceptable
		switch {
		case s.Stat == "" && u.Stat == "" && s.Value == u.Value:
			c.fail(p+".satisfactory", locale.M("method.equalbounds"))
		case s.Stat == "" && u.Stat == "" && (s.Value-u.Value)*ind.Direction < 0:
			c.fail(p+".satisfactory", locale.M("method.bounds", ind.Direction, map[bool]string{true: ">", false: "<"}[ind.Direction > 0]))
		case s.Stat != "" && s.Stat == u.Stat:
			c.fail(p+".unacceptable", locale.M("method.equalbounds"))
		}
	case RuleCompletion, RuleAllOrNothing:
		positive("full", r.Full)
		if !math.IsNaN(r.Cap) && r.Cap <= 0 {
			c.fail(p+".cap", locale.M("method.positive", r.Cap))
		}
		if r.Fallback != nil {
			c.rule(r.Fallback, ind, codes)
		}
	case RuleRank:
		nonneg("step", r.Step)
	case RuleAverageDiff:
		if math.IsNaN(r.Base) {
			c.fail(p+".base", locale.M("method.required"))
		}
		nonneg("above", r.Above)
		nonneg("below", r.Below)
		positive("unit", r.Unit)
	case RuleLevelGrowth:
		switch {
		case r.Growth == "":
			c.fail(p+".growth", locale.M("method.required"))
		case r.Growth == ind.Code:
			c.fail(p+".growth", locale.M("method.selfref"))
		case codes[r.Growth] != "indicator":
			c.fail(p+".growth", locale.M("method.unknownind", r.Growth))
		case slices.ContainsFunc(c.m.Indicators, func(g Indicator) bool { return g.Code == r.Growth && g.Parent != "" }):
			c.fail(p+".growth", locale.M("method.growthnotlvl", r.Growth))
		}
		nonneg("level_weight", r.LevelWeight)
		nonneg("growth_weight", r.GrowthWeight)
		if r.LevelWeight+r.GrowthWeight == 0 {
			c.fail(p+".level_weight", locale.M("method.positive", 0))
		}
		for _, sub := range []*Rule{r.Level, r.GrowthRule} {
			if sub != nil {
				c.rule(sub, ind, codes)
			}
		}
	case RulePanel:
		positive("full", r.Full)
	case RuleNormalise:
		ok := []string{"minmax", "zscore", "scaled", "rank", "borda", "prank", "fracmax", "dist2max", "none"}
		if !slices.Contains(ok, r.Method) {
			c.oneOf(p+".method", r.Method, ok...)
			break
		}
		// The engine checks its own parameters: try them on two values.
		node := engine.Node{Code: ind.Code, Direction: 1}
		err := engine.NormaliseColumn(make([]float64, 2), []float64{0, 1}, node, normSpec(r), -1, nil)
		var ee *engine.Error
		if errors.As(err, &ee) {
			c.fail(p+".params", locale.M("method.raw", ee.Message("zh")+" / "+ee.Message("en")))
		}
	}
}

func normSpec(r *Rule) engine.NormSpec {
	return engine.NormSpec{Method: r.Method, Params: r.Params, Ties: r.Ties}
}

func (c *checker) events() {
	seen := map[string]bool{}
	for _, e := range c.m.Events {
		p := e.path
		switch {
		case e.Type == "":
			c.fail(p+".type", locale.M("method.required"))
		case seen[e.Type]:
			c.fail(p+".type", locale.M("method.dup", e.Type))
		}
		seen[e.Type] = true
		c.oneOf(p+".effect", e.Effect, EffectDeduct, EffectBonus, EffectVeto, EffectDisqualify, EffectCapGrade)
		if e.Effect == EffectDeduct || e.Effect == EffectBonus {
			if math.IsNaN(e.Points) {
				c.fail(p+".points", locale.M("method.required"))
			} else if e.Points <= 0 {
				c.fail(p+".points", locale.M("method.positive", e.Points))
			}
			if e.Max < 0 {
				c.fail(p+".max", locale.M("method.nonneg", e.Max))
			}
		}
	}
}

func (c *checker) awards() {
	seen := map[string]bool{}
	for _, a := range c.m.Awards {
		p := a.path
		switch {
		case a.Name == "":
			c.fail(p+".name", locale.M("method.required"))
		case seen[a.Name]:
			c.fail(p+".name", locale.M("method.dup", a.Name))
		}
		seen[a.Name] = true
		c.oneOf(p+".kind", a.Kind, AwardOverall, AwardPerType, AwardRise)
		if a.Count <= 0 {
			c.fail(p+".count", locale.M("method.positive", a.Count))
		}
		if a.Distinct && a.Kind != AwardPerType {
			c.fail(p+".distinct", locale.M("method.distinct"))
		}
		c.oneOf(p+".ties", a.Ties, TiesBreak, TiesShare)
		if a.Amount < 0 {
			c.fail(p+".amount", locale.M("method.nonneg", a.Amount))
		}
		for i, k := range a.ExcludeKinds {
			if !slices.Contains(divisionKinds, k) {
				c.fail(fmt.Sprintf("%s.exclude_kinds[%d]", p, i), locale.M("method.unitkind", k))
			}
		}
	}
}

// rewards checks no_double and the budget: the awards' amounts at their
// counts (a per-type award once per type) must fit.
func (c *checker) rewards() {
	for i, name := range c.m.NoDouble {
		if !slices.ContainsFunc(c.m.Awards, func(a Award) bool { return a.Name == name }) {
			c.fail(fmt.Sprintf("no_double[%d]", i), locale.M("method.noaward", name))
		}
	}
	if math.IsNaN(c.m.Budget) {
		return
	}
	total := 0.0
	for _, a := range c.m.Awards {
		if math.IsNaN(a.Amount) {
			continue
		}
		n := float64(a.Count)
		if a.Kind == AwardPerType {
			n *= float64(len(c.m.Types))
		}
		total += n * a.Amount
	}
	if total > c.m.Budget {
		c.fail("budget", locale.M("method.budget", total, c.m.Budget))
	}
}

func (c *checker) grades() {
	// Bands are tried from the top and the first that a unit meets wins,
	// so min_score and max_rank bands may be mixed and listed in any
	// order: a band that can never be reached is the author's choice.
	for i, g := range c.m.Grades {
		p := fmt.Sprintf("grade[%d]", i)
		if g.Name == "" {
			c.fail(p+".name", locale.M("method.required"))
		}
		if g.MaxShare < 0 || g.MaxShare > 1 {
			c.fail(p+".max_share", locale.M("method.mg.share", g.MaxShare))
		}
	}
}
