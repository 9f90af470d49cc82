package method

import (
	"errors"
	"fmt"
	"math"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// Parse reads a method file and validates it. All problems are returned
// together as Errors, each at its line: FILE:LINE: field: message.
func Parse(file string, src []byte) (*Method, error) {
	if len(src) > MaxSourceBytes {
		return nil, Errors{tooBig(file)}
	}
	var doc map[string]any
	if err := toml.Unmarshal(src, &doc); err != nil {
		line := 0
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ = de.Position()
		}
		return nil, Errors{{File: file, Line: line, Msg: locale.M("method.syntax", err.Error())}}
	}
	r := &reader{file: file, pos: scanPositions(src)}
	m := r.method(doc)
	m.File, m.Source, m.pos = file, src, r.pos
	errs := append(r.errs, m.validate()...)
	if len(errs) > 0 {
		return nil, errs.sorted()
	}
	return m, nil
}

func (r *reader) method(doc map[string]any) *Method {
	r.known(doc, "", "title", "title_en", "sample", "decimals", "tie_break", "overall",
		"data", "type", "pipeline", "indicator", "node", "event", "award", "grade", "management", "uncertainty",
		"no_double", "budget", "threshold", "restricted", "rise_baseline", "cliff_points", "notice")
	m := &Method{
		Title:    r.str(doc, "", "title", ""),
		TitleEn:  r.str(doc, "", "title_en", ""),
		Sample:   r.boolean(doc, "", "sample", false),
		Decimals: r.integer(doc, "", "decimals", -1),
		TieBreak: r.strs(doc, "", "tie_break"),
		Overall:  r.str(doc, "", "overall", "primary"),
		NoDouble: r.strs(doc, "", "no_double"),
		Budget:   r.num(doc, "", "budget", math.NaN()),

		RiseBaseline: r.str(doc, "", "rise_baseline", BaselinePublished),
		CliffPoints:  r.num(doc, "", "cliff_points", 0.5),
	}
	d := r.table(doc, "", "data")
	r.known(d, "data", "code", "name", "types")
	m.Data = Columns{Code: r.str(d, "data", "code", "代码"), Name: r.str(d, "data", "name", "名称"),
		Types: r.strs(d, "data", "types")}
	if _, ok := d["types"]; !ok {
		m.Data.Types = []string{"类型", "类型2"}
	}
	for i, t := range r.tables(doc, "type") {
		p := fmt.Sprintf("type[%d]", i)
		r.known(t, p, "name", "name_en", "second_if")
		m.Types = append(m.Types, Type{Name: r.str(t, p, "name", ""), NameEn: r.str(t, p, "name_en", ""),
			SecondIf: r.condition(t, p, "second_if")})
	}
	pl := r.table(doc, "", "pipeline")
	r.known(pl, "pipeline", "impute", "treat", "aggregate")
	m.Pipeline = Pipeline{Impute: r.str(pl, "pipeline", "impute", "none"),
		Treat: r.str(pl, "pipeline", "treat", "none"), Aggregate: r.str(pl, "pipeline", "aggregate", "amean")}
	for i, t := range r.tables(doc, "indicator") {
		m.Indicators = append(m.Indicators, r.indicator(t, fmt.Sprintf("indicator[%d]", i)))
	}
	for i, t := range r.tables(doc, "node") {
		p := fmt.Sprintf("node[%d]", i)
		r.known(t, p, "code", "name", "name_en", "parent", "weight", "weights", "weights_from", WeightsAHP, WeightsEntropy, WeightsCRITIC)
		m.Nodes = append(m.Nodes, Node{Code: r.str(t, p, "code", ""), Name: r.str(t, p, "name", ""),
			NameEn: r.str(t, p, "name_en", ""), Parent: r.str(t, p, "parent", ""),
			Weight: r.num(t, p, "weight", math.NaN()), Weights: r.weights(t, p, "weights"),
			WeightsFrom: r.weightsFrom(t, p), path: p})
	}
	for i, t := range r.tables(doc, "event") {
		p := fmt.Sprintf("event[%d]", i)
		r.known(t, p, "type", "effect", "points", "max", "awards", "grade")
		m.Events = append(m.Events, EventType{Type: r.str(t, p, "type", ""), Effect: r.str(t, p, "effect", ""),
			Points: r.num(t, p, "points", math.NaN()), Max: r.num(t, p, "max", math.NaN()),
			Awards: r.strs(t, p, "awards"), Grade: r.str(t, p, "grade", ""), path: p})
	}
	for i, t := range r.tables(doc, "award") {
		p := fmt.Sprintf("award[%d]", i)
		r.known(t, p, "name", "name_en", "kind", "count", "exclude", "exclude_kinds", "note", "distinct",
			"ties", "reward", "amount", "min_score")
		m.Awards = append(m.Awards, Award{Name: r.str(t, p, "name", ""), NameEn: r.str(t, p, "name_en", ""),
			Kind: r.str(t, p, "kind", ""), Count: r.integer(t, p, "count", 0), Exclude: r.strs(t, p, "exclude"),
			ExcludeKinds: r.strs(t, p, "exclude_kinds"), Note: r.str(t, p, "note", ""),
			Distinct: r.boolean(t, p, "distinct", false), Ties: r.str(t, p, "ties", TiesBreak),
			Reward: r.str(t, p, "reward", ""), Amount: r.num(t, p, "amount", math.NaN()),
			MinScore: r.num(t, p, "min_score", math.NaN()), path: p})
	}
	m.Grades = r.grades(doc)
	m.Thresholds = r.thresholds(doc)
	m.Restricted = r.restricted(doc)
	m.Management = r.management(doc)
	m.Uncertainty = r.uncertainty(doc)
	m.Notice = r.notice(doc)
	return m
}

func (r *reader) indicator(t map[string]any, p string) Indicator {
	r.known(t, p, "code", "name", "name_en", "unit", "direction", "department", "definition", "source",
		"numerator", "denominator", "base", "factor", "parent", "weight", "weights", "score",
		"missing", "reported_by", "not_applicable", "decimals")
	ind := Indicator{
		Code: r.str(t, p, "code", ""), Name: r.str(t, p, "name", ""), NameEn: r.str(t, p, "name_en", ""),
		Unit: r.str(t, p, "unit", ""), Direction: r.num(t, p, "direction", 1),
		Department: r.str(t, p, "department", ""), Definition: r.str(t, p, "definition", ""),
		Source: r.str(t, p, "source", SourceReported), Numerator: r.str(t, p, "numerator", ""),
		Denominator: r.str(t, p, "denominator", ""), Base: r.str(t, p, "base", ""),
		Factor: r.num(t, p, "factor", 1), Parent: r.str(t, p, "parent", ""),
		Weight: r.num(t, p, "weight", math.NaN()), Weights: r.weights(t, p, "weights"), path: p,
		Missing: r.str(t, p, "missing", ""), ReportedBy: r.str(t, p, "reported_by", ReportedByDepartment),
		NotApplicable: r.strs(t, p, "not_applicable"), Decimals: r.integer(t, p, "decimals", -1),
	}
	if ind.Decimals < -1 || ind.Decimals > 6 {
		r.fail(join(p, "decimals"), locale.M("method.oneof", "0 … 6", fmt.Sprint(ind.Decimals)))
		ind.Decimals = -1
	}
	if s := r.table(t, p, "score"); s != nil {
		ind.Score = r.rule(s, p+".score")
	} else if ind.Parent != "" {
		ind.Score = defaultRule(RuleEfficacy, p+".score")
	}
	return ind
}

// ruleKeys lists the fields each rule accepts besides rule, floor and
// ceiling; any other field is an error, so that a misspelt parameter is
// never silently ignored.
var ruleKeys = map[string][]string{
	RuleEfficacy:     {"satisfactory", "unacceptable", "low", "high", "clamp", "sample"},
	RuleCompletion:   {"target", "full", "cap", "fallback"},
	RuleAllOrNothing: {"target", "full", "zero", "fallback"},
	RuleRank:         {"full", "step", "sample"},
	RuleAverageDiff:  {"average", "base", "above", "below", "unit", "whole", "sample"},
	RuleLevelGrowth:  {"growth", "level_weight", "growth_weight", "level", "growth_rule"},
	RulePanel:        {"full"},
	RuleNormalise:    {"method", "params", "ties"},
}

// defaultRule returns a rule of kind with its defaults.
func defaultRule(kind, path string) *Rule {
	nan := math.NaN()
	return &Rule{Rule: kind, Satisfactory: Bound{nan, "best"}, Unacceptable: Bound{nan, "worst"},
		Low: 60, High: 100, Clamp: true, Target: nan, Full: 100, Cap: nan, Step: nan,
		Average: Bound{nan, "mean"}, Base: nan, Above: nan, Below: nan, Unit: 0.1,
		LevelWeight: nan, GrowthWeight: nan, Floor: nan, Ceiling: nan, path: path}
}

func (r *reader) rule(t map[string]any, p string) *Rule {
	kind := r.str(t, p, "rule", RuleEfficacy)
	keys, ok := ruleKeys[kind]
	if !ok {
		r.fail(join(p, "rule"), locale.M("method.oneof", ruleNames(), kind))
		return nil
	}
	r.known(t, p, append([]string{"rule", "floor", "ceiling"}, keys...)...)
	d := defaultRule(kind, p)
	d.Satisfactory = r.bound(t, p, "satisfactory", d.Satisfactory, "best", "worst")
	d.Unacceptable = r.bound(t, p, "unacceptable", d.Unacceptable, "best", "worst")
	d.Low, d.High = r.num(t, p, "low", d.Low), r.num(t, p, "high", d.High)
	d.Clamp = r.boolean(t, p, "clamp", d.Clamp)
	d.Target, d.Full, d.Cap = r.num(t, p, "target", d.Target), r.num(t, p, "full", d.Full), r.num(t, p, "cap", d.Cap)
	d.Zero, d.Step = r.num(t, p, "zero", 0), r.num(t, p, "step", d.Step)
	d.Average = r.bound(t, p, "average", d.Average, "mean", "median")
	d.Base, d.Above, d.Below = r.num(t, p, "base", d.Base), r.num(t, p, "above", d.Above), r.num(t, p, "below", d.Below)
	d.Unit, d.Whole = r.num(t, p, "unit", d.Unit), r.boolean(t, p, "whole", false)
	d.Growth = r.str(t, p, "growth", "")
	d.LevelWeight, d.GrowthWeight = r.num(t, p, "level_weight", d.LevelWeight), r.num(t, p, "growth_weight", d.GrowthWeight)
	d.Method, d.Params, d.Ties = r.str(t, p, "method", ""), r.nums(t, p, "params"), r.str(t, p, "ties", "")
	d.Floor, d.Ceiling = r.num(t, p, "floor", d.Floor), r.num(t, p, "ceiling", d.Ceiling)
	switch d.Sample = r.str(t, p, "sample", SampleAll); d.Sample {
	case SampleAll, SampleType:
	default:
		r.fail(join(p, "sample"), locale.M("method.oneof", SampleAll+", "+SampleType, d.Sample))
	}
	sub := func(key string) *Rule {
		if s := r.table(t, p, key); s != nil {
			return r.rule(s, join(p, key))
		}
		return nil
	}
	d.Fallback = sub("fallback")
	switch kind {
	case RuleLevelGrowth:
		d.Level, d.GrowthRule = sub("level"), sub("growth_rule")
		if d.Level == nil {
			d.Level = defaultRule(RuleEfficacy, join(p, "level"))
		}
		if d.GrowthRule == nil {
			d.GrowthRule = defaultRule(RuleEfficacy, join(p, "growth_rule"))
		}
	}
	return d
}

func ruleNames() string {
	return "efficacy, completion, all_or_nothing, rank, average_diff, level_growth, panel, normalise"
}

func (r *reader) grades(doc map[string]any) []Grade {
	var out []Grade
	for i, t := range r.tables(doc, "grade") {
		p := fmt.Sprintf("grade[%d]", i)
		r.known(t, p, "name", "min_score", "max_rank", "max_share")
		out = append(out, Grade{Name: r.str(t, p, "name", ""),
			MinScore: r.num(t, p, "min_score", math.NaN()), MaxRank: r.num(t, p, "max_rank", math.NaN()),
			MaxShare: r.num(t, p, "max_share", 0)})
	}
	return out
}
