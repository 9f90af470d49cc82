package method

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// Effects of an event or a threshold beyond points and the full veto.
const (
	EffectDisqualify = "disqualify" // cannot win the awards named (one award only, 取消某一奖项评选资格)
	EffectCapGrade   = "cap_grade"  // graded no better than the grade named
)

// Threshold is a binding indicator (约束性指标: 能耗双控, 耕地保有, 规模性返贫
// …): a unit whose value falls below Min or above Max (NaN = no bound) is
// vetoed, disqualified from Awards, or capped at Grade, as Effect says.
// The reported (or derived) value is read before imputation; a missing
// value breaches nothing and is warned of.
type Threshold struct {
	Name      string
	Indicator string
	Min, Max  float64
	Effect    string   // veto (default), disqualify, cap_grade
	Awards    []string // disqualify
	Grade     string   // cap_grade

	path string
}

// Condition is a bound on one indicator's value: it holds when the value
// is known and within [Min, Max] (NaN = no bound).
type Condition struct {
	Indicator string
	Min, Max  float64
}

// holds reports whether v meets c.
func (c *Condition) holds(v float64) bool {
	return !engine.IsNA(v) && !(v < c.Min) && !(v > c.Max)
}

// Restricted is the check of declared types for units in a restricted
// development zone (限制开发区): their first type must be one of First
// (农业优先型, 生态功能型); the second type is free.
type Restricted struct {
	Name  string   // how the zone is called in messages
	Units []string // unit codes
	First []string // allowed first types
}

func (r *reader) thresholds(doc map[string]any) []Threshold {
	var out []Threshold
	for i, t := range r.tables(doc, "threshold") {
		p := fmt.Sprintf("threshold[%d]", i)
		r.known(t, p, "name", "indicator", "min", "max", "effect", "awards", "grade")
		out = append(out, Threshold{Name: r.str(t, p, "name", ""), Indicator: r.str(t, p, "indicator", ""),
			Min: r.num(t, p, "min", math.NaN()), Max: r.num(t, p, "max", math.NaN()),
			Effect: r.str(t, p, "effect", EffectVeto), Awards: r.strs(t, p, "awards"), Grade: r.str(t, p, "grade", ""), path: p})
	}
	return out
}

func (r *reader) condition(t map[string]any, p, key string) *Condition {
	c := r.table(t, p, key)
	if c == nil {
		return nil
	}
	p = join(p, key)
	r.known(c, p, "indicator", "min", "max")
	return &Condition{Indicator: r.str(c, p, "indicator", ""), Min: r.num(c, p, "min", math.NaN()), Max: r.num(c, p, "max", math.NaN())}
}

func (r *reader) restricted(doc map[string]any) *Restricted {
	t := r.table(doc, "", "restricted")
	if t == nil {
		return nil
	}
	r.known(t, "restricted", "name", "units", "first")
	return &Restricted{Name: r.str(t, "restricted", "name", "限制开发区"), Units: r.strs(t, "restricted", "units"),
		First: r.strs(t, "restricted", "first")}
}

// constraints checks thresholds, conditional second types, the
// restricted zone and the effects of events beyond points.
func (c *checker) constraints() {
	hasAward := func(name string) bool {
		return slices.ContainsFunc(c.m.Awards, func(a Award) bool { return a.Name == name })
	}
	hasGrade := func(name string) bool {
		return slices.ContainsFunc(c.m.Grades, func(g Grade) bool { return g.Name == name })
	}
	effect := func(p, eff string, awards []string, grade string) {
		switch eff {
		case EffectDisqualify:
			if len(awards) == 0 {
				c.fail(p+".awards", locale.M("method.required"))
			}
			for i, a := range awards {
				if !hasAward(a) {
					c.fail(fmt.Sprintf("%s.awards[%d]", p, i), locale.M("method.noaward", a))
				}
			}
		case EffectCapGrade:
			if !hasGrade(grade) {
				c.fail(p+".grade", locale.M("method.nograde", grade))
			}
		}
	}
	for _, e := range c.m.Events {
		effect(e.path, e.Effect, e.Awards, e.Grade)
	}
	for _, th := range c.m.Thresholds {
		p := th.path
		if th.Name == "" {
			c.fail(p+".name", locale.M("method.required"))
		}
		if c.m.indicator(th.Indicator) == nil {
			c.fail(p+".indicator", locale.M("method.noind", th.Indicator))
		}
		if math.IsNaN(th.Min) && math.IsNaN(th.Max) {
			c.fail(p, locale.M("method.nobound"))
		}
		c.oneOf(p+".effect", th.Effect, EffectVeto, EffectDisqualify, EffectCapGrade)
		effect(p, th.Effect, th.Awards, th.Grade)
	}
	for i, t := range c.m.Types {
		if t.SecondIf == nil {
			continue
		}
		p := fmt.Sprintf("type[%d].second_if", i)
		if c.m.indicator(t.SecondIf.Indicator) == nil {
			c.fail(p+".indicator", locale.M("method.noind", t.SecondIf.Indicator))
		}
		if math.IsNaN(t.SecondIf.Min) && math.IsNaN(t.SecondIf.Max) {
			c.fail(p, locale.M("method.nobound"))
		}
	}
	if r := c.m.Restricted; r != nil {
		if len(r.First) == 0 {
			c.fail("restricted.first", locale.M("method.required"))
		}
		for i, t := range r.First {
			if !slices.ContainsFunc(c.m.Types, func(x Type) bool { return x.Name == t }) {
				c.fail(fmt.Sprintf("restricted.first[%d]", i), locale.M("method.notype", t))
			}
		}
	}
}

// secondTypes drops a declared second type whose condition does not hold
// for the unit (the unit is then ranked in its first type only).
func (o *Outcome) secondTypes(m *Method, raw *engine.Dataset) {
	units := slices.Clone(o.Units)
	for u := range units {
		types := units[u].Types
		for j := 1; j < len(types); j++ {
			t := m.typeOf(types[j])
			if t == nil || t.SecondIf == nil || t.SecondIf.holds(raw.Col(t.SecondIf.Indicator)[u]) {
				continue
			}
			o.warn(Warning{Kind: "second_type", Unit: units[u].Code, Indicator: t.SecondIf.Indicator,
				Msg: locale.M("method.w.second", units[u].Code, units[u].Name, t.Name, t.SecondIf.Indicator)})
			types = slices.Delete(slices.Clone(types), j, j+1)
			j--
		}
		units[u].Types = types
	}
	o.Units = units
}

func (m *Method) typeOf(name string) *Type {
	for i := range m.Types {
		if m.Types[i].Name == name {
			return &m.Types[i]
		}
	}
	return nil
}

// thresholds applies the binding indicators to the values in raw.
func (o *Outcome) thresholds(m *Method, raw *engine.Dataset) {
	for _, th := range m.Thresholds {
		col := raw.Col(th.Indicator)
		for u, unit := range o.Units {
			v := col[u]
			switch {
			case engine.IsNA(v):
				o.warn(Warning{Kind: "threshold_missing", Unit: unit.Code, Indicator: th.Indicator,
					Msg: locale.M("method.w.thmissing", unit.Code, unit.Name, th.Indicator, th.Name)})
			case v < th.Min || v > th.Max:
				var msg locale.Message
				switch th.Effect {
				case EffectDisqualify:
					msg = locale.M("method.w.thdisq", unit.Code, unit.Name, th.Name, th.Indicator, v, strings.Join(th.Awards, "、"))
				case EffectCapGrade:
					msg = locale.M("method.w.thcap", unit.Code, unit.Name, th.Name, th.Indicator, v, th.Grade)
				default:
					msg = locale.M("method.w.threshold", unit.Code, unit.Name, th.Name, th.Indicator, v)
				}
				o.apply(u, th.Effect, th.Awards, th.Grade, msg)
			}
		}
	}
}

// apply gives unit u an effect other than points, with why it applies.
func (o *Outcome) apply(u int, effect string, awards []string, grade string, why locale.Message) {
	switch effect {
	case EffectVeto:
		if !o.Vetoed[u] {
			o.warn(Warning{Kind: "veto", Unit: o.Units[u].Code, Msg: why})
		}
		o.Vetoed[u] = true
	case EffectDisqualify:
		o.warn(Warning{Kind: "disqualify", Unit: o.Units[u].Code, Msg: why})
		for _, a := range awards {
			if !slices.Contains(o.Disqualified[u], a) {
				o.Disqualified[u] = append(o.Disqualified[u], a)
			}
		}
	case EffectCapGrade:
		o.warn(Warning{Kind: "cap_grade", Unit: o.Units[u].Code, Msg: why})
		cur := slices.IndexFunc(o.Method.Grades, func(g Grade) bool { return g.Name == o.GradeCap[u] })
		if next := slices.IndexFunc(o.Method.Grades, func(g Grade) bool { return g.Name == grade }); next > cur {
			o.GradeCap[u] = grade
		}
	}
}

func init() {
	locale.Register(map[string][2]string{
		"method.noind":           {"没有代码为 %q 的指标", "no indicator has code %q"},
		"method.nograde":         {"没有名为 %q 的等级", "no grade is named %q"},
		"method.notype":          {"没有名为 %q 的类型", "no type is named %q"},
		"method.nobound":         {"须写 min 或 max", "min or max is required"},
		"method.w.second":        {"单位 %s %s 的第二类型“%s”不满足条件（%s），只在第一类型中排名", "unit %s %s: its second type %q does not meet its condition (%s): ranked in its first type only"},
		"method.w.thmissing":     {"单位 %s %s 的 %s 缺失，无法判断“%s”", "unit %s %s: %s is missing, so %q cannot be judged"},
		"method.w.threshold":     {"单位 %s %s 未达到约束性指标“%s”（%s = %v）", "unit %s %s fails the binding indicator %q (%s = %v)"},
		"method.w.thdisq":        {"单位 %s %s 未达到约束性指标“%s”（%s = %v），不得参评%s", "unit %s %s fails the binding indicator %q (%s = %v): it may not win %s"},
		"method.w.thcap":         {"单位 %s %s 未达到约束性指标“%s”（%s = %v），等级最高为%s", "unit %s %s fails the binding indicator %q (%s = %v): graded no better than %s"},
		"method.data.restricted": {"%s的单位，第一类型须为 %s，实际为 %q", "a unit of the %s must take %s as its first type, found %q"},
	})
}
