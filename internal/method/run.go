package method

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// Input is everything one evaluation reads besides the method. Events,
// Targets and Previous may be nil.
type Input struct {
	Data     *Data
	Events   []Event
	Targets  Targets
	Previous *Previous
	Period   string
	// Rescored is last year's data re-run under this method (Rescore):
	// the baseline of rank changes when the method says rescored.
	Rescored *Previous
	// scoredOverride replaces the values a rule scores for one indicator
	// (after derivation, imputation and treatment): Cliffs moves one
	// unit's value of the indicator itself, nothing derived from it.
	scoredOverride map[string][]float64
	// Decisions are the office's decisions of ties that the method leaves
	// open (待认定), recorded with their meeting reference.
	Decisions []Decision
	// cache, when set (by a Model), gives back the scores of an indicator
	// whose inputs are those of a run scored before.
	cache *scoreCache
}

// Stage names of Run beyond the engine's.
const (
	StageScored = "Scored" // per-indicator scores after the rules, caps and floors
)

// Outcome is one evaluated period: every stage's data, per-indicator and
// aggregate scores per type, overall and per-type scores and ranks, rank
// changes, deductions, vetoes, awards, grades and warnings. Slices indexed
// by unit follow Units.
type Outcome struct {
	Method *Method
	Period string
	Sample bool
	Units  []Unit
	Stages []engine.Stage // Raw (with derived columns), Imputed, Treated (when run), Scored
	Types  []TypeResult

	Overall    []float64 // overall score (after deductions, rounded)
	Exact      []float64 // overall score before rounding: the last tie-break of an award
	Rank       []float64 // overall rank, 1 = best
	ChosenType []string  // the type whose score is the overall score ("" for mean)
	Deduction  []float64 // net points taken off by events (bonuses count negative)
	Effects    []Effect  // what every event did, in event order
	Vetoed     []bool
	// Disqualified lists per unit the awards it cannot win (an event or a
	// threshold with effect disqualify); GradeCap the best grade it may
	// get ("" = any).
	Disqualified [][]string
	GradeCap     []string
	PrevRank     []float64 // nil without a previous result; NA for a unit absent from it
	RankChange   []float64 // previous rank − rank (a rise is positive), against Baseline
	// Baseline is the method's rise_baseline; ChangePublished and
	// ChangeRescored are the rank changes against each baseline given
	// (nil when not given), both recorded whichever ranks 进步县.
	Baseline        string
	ChangePublished []float64
	ChangeRescored  []float64
	Awards          []AwardResult
	Grades          []string // nil without grades
	Warnings        []Warning
}

// TypeResult is the evaluation of the units declaring one type, with that
// type's weights.
type TypeResult struct {
	Type       string
	Members    []int              // unit indices
	Weights    map[string]float64 // effective weight of every node and indicator
	Sources    []WeightSource     // how every aggregate's children were weighted, bottom-up
	Aggregated *engine.Dataset    // members × (indicators, aggregates): before deductions and rounding
	Score      []float64          // per member: top node − deduction, rounded
	Exact      []float64          // per member: top node − deduction, unrounded
	Rank       []float64          // per member, within the type
}

// Effect is what one event did to its unit.
type Effect struct {
	Event  Event
	Effect string
	Points float64 // points counted for this event (after the type's cap)
}

// Warning is something the analyst should look at: imputed cells, treated
// outliers, vetoes, ties at an award's cut-off, missing targets.
type Warning struct {
	Kind      string // imputed, treated, veto, tie, notarget, fallback, panel, norise
	Unit      string
	Indicator string
	Msg       locale.Message
}

// Run evaluates in with m. It is pure: the inputs are read and validated
// by ReadData, ReadEvents, ReadTargets and ReadPrevious.
func Run(m *Method, in Input) (*Outcome, error) {
	d := in.Data
	o := &Outcome{Method: m, Period: in.Period, Sample: d.Sample || m.Sample, Units: d.Units}
	n := len(d.Units)
	codes := make([]string, n)
	for i, u := range d.Units {
		codes[i] = u.Code
	}
	raw, err := derive(m, d, codes)
	if err != nil {
		return nil, err
	}
	o.Stages = append(o.Stages, engine.Stage{Name: engine.StageRaw, Data: raw})
	o.secondTypes(m, raw)
	vals, err := o.prepare(m, raw)
	if err != nil {
		return nil, err
	}
	var unitsID string
	if in.cache != nil {
		unitsID = unitsKey(d.Units)
	}
	scoreAll := func(typ string, warn func(Warning)) (*engine.Dataset, error) {
		sc := &scoreCtx{vals: vals, targets: in.Targets, units: d.Units, m: m, warn: warn, typ: typ}
		scored := engine.NewDataset(codes, nil)
		for _, ind := range m.scored() {
			x := vals.Col(ind.Code)
			if y, ok := in.scoredOverride[ind.Code]; ok {
				x = y
			}
			s, err := scoreCached(sc, in.cache, unitsID, typ, ind, x)
			if err != nil {
				return nil, err
			}
			scored.Cols = append(scored.Cols, ind.Code)
			scored.Vals = append(scored.Vals, s)
		}
		return scored, nil
	}
	scored, err := scoreAll("", o.warn)
	if err != nil {
		return nil, err
	}
	o.Stages = append(o.Stages, engine.Stage{Name: StageScored, Data: scored})
	// With samples by type a unit's scores differ in each type it declares:
	// each type is aggregated from its own scores (the warnings were given
	// once above).
	byType := map[string]*engine.Dataset{}
	if m.typeSampled() {
		for _, t := range m.Types {
			if byType[t.Name], err = scoreAll(t.Name, func(Warning) {}); err != nil {
				return nil, err
			}
		}
	}
	o.events(m, in.Events, n)
	o.thresholds(m, raw)
	if err := o.aggregate(m, scored, byType, vals, in.cache); err != nil {
		return nil, err
	}
	o.overall(m)
	if in.cache != nil && in.cache.scoresOnly {
		// A Model reads the scores and ranks only: rank changes, awards
		// and grades come after them and change neither.
		return o, nil
	}
	o.rankChanges(m, in)
	o.awards(m, in.Decisions)
	o.grades(m)
	return o, nil
}

func (o *Outcome) warn(w Warning) { o.Warnings = append(o.Warnings, w) }

// derive builds the Raw data set: every catalogue column, reported ones
// as read and derived ones computed (in passes, so a derived indicator may
// use another).
func derive(m *Method, d *Data, units []string) (*engine.Dataset, error) {
	cols := make([]string, len(m.Indicators))
	for i, ind := range m.Indicators {
		cols[i] = ind.Code
	}
	raw := engine.NewDataset(units, cols)
	done := map[string]bool{}
	for i, ind := range m.Indicators {
		if v, ok := d.Values[ind.Code]; ok {
			copy(raw.Vals[i], v)
			done[ind.Code] = true
		}
	}
	for pass := 0; len(done) < len(cols); pass++ {
		if pass > len(cols) {
			return nil, fmt.Errorf("method: derived indicators refer to each other in a cycle")
		}
		for i, ind := range m.Indicators {
			if done[ind.Code] || !done[ind.Numerator] || !(done[ind.Denominator] || done[ind.Base]) {
				continue
			}
			num := raw.Col(ind.Numerator)
			for u := range units {
				switch ind.Source {
				case SourceGrowth:
					raw.Vals[i][u] = (num[u]/raw.Col(ind.Base)[u] - 1) * 100
				default:
					raw.Vals[i][u] = num[u] * ind.Factor / raw.Col(ind.Denominator)[u]
				}
				if math.IsInf(raw.Vals[i][u], 0) {
					raw.Vals[i][u] = engine.NA // a zero denominator or base
				}
			}
			done[ind.Code] = true
		}
	}
	return raw, nil
}

// inputs returns the columns the rules read: the scored indicators and the
// growth parts of level_growth rules.
func inputs(m *Method) []string {
	var cols []string
	for _, ind := range m.scored() {
		cols = append(cols, ind.Code)
		if ind.Score != nil && ind.Score.Rule == RuleLevelGrowth && !slices.Contains(cols, ind.Score.Growth) {
			cols = append(cols, ind.Score.Growth)
		}
	}
	return cols
}

// typeSampled reports whether a scored indicator's rule takes a statistic
// over the units of a type (sample = "type").
func (m *Method) typeSampled() bool {
	var has func(r *Rule) bool
	has = func(r *Rule) bool {
		return r != nil && (r.Sample == SampleType || has(r.Level) || has(r.GrowthRule) || has(r.Fallback))
	}
	for _, ind := range m.scored() {
		if has(ind.Score) {
			return true
		}
	}
	return false
}

// sampleDependent reports whether a rule's scores depend on the other
// units' values, so that outliers matter and treatment applies. Rank
// scoring is left out: ranks are immune to outliers, and Winsorising would
// only create ties at the top.
func sampleDependent(r *Rule) bool {
	switch r.Rule {
	case RuleEfficacy:
		return r.Satisfactory.Stat != "" || r.Unacceptable.Stat != ""
	case RuleNormalise:
		return true
	case RuleAverageDiff:
		return r.Average.Stat != ""
	case RuleLevelGrowth:
		return sampleDependent(r.Level) || sampleDependent(r.GrowthRule)
	}
	return false
}

// prepare runs imputation and treatment on the rules' input columns and
// returns the values the rules score.
func (o *Outcome) prepare(m *Method, raw *engine.Dataset) (*engine.Dataset, error) {
	vals := raw.SelectCols(inputs(m))
	if imp := m.Pipeline.Impute; imp != "none" {
		spec := engine.ImputeSpec{Method: imp}
		var groups []string
		if g, ok := cutSuffix(imp, "-group"); ok {
			spec = engine.ImputeSpec{Method: g, Group: "type"}
			for _, u := range o.Units {
				groups = append(groups, u.Types[0])
			}
		}
		imputed, err := engine.Impute(vals, spec, groups)
		if err != nil {
			return nil, err
		}
		for c, code := range vals.Cols {
			for u, v := range vals.Vals[c] {
				if engine.IsNA(v) && !engine.IsNA(imputed.Vals[c][u]) {
					o.warn(Warning{Kind: "imputed", Unit: o.Units[u].Code, Indicator: code,
						Msg: locale.M("method.w.imputed", o.Units[u].Code, code, imputed.Vals[c][u])})
				}
			}
		}
		vals = imputed
		o.Stages = append(o.Stages, engine.Stage{Name: engine.StageImputed, Data: vals})
	}
	for c, code := range vals.Cols {
		if ind := m.indicator(code); ind.Missing == MissingImpute {
			spec := engine.ImputeSpec{Method: "mean"}
			if imp := m.Pipeline.Impute; imp != "none" {
				spec.Method, _ = cutSuffix(imp, "-group")
			}
			col, err := engine.Impute(vals.SelectCols([]string{code}), spec, nil)
			if err != nil {
				return nil, err
			}
			for u, v := range vals.Vals[c] {
				if engine.IsNA(v) && !engine.IsNA(col.Vals[0][u]) {
					o.warn(Warning{Kind: "imputed", Unit: o.Units[u].Code, Indicator: code,
						Msg: locale.M("method.w.imputed", o.Units[u].Code, code, col.Vals[0][u])})
				}
			}
			vals = vals.Clone()
			copy(vals.Vals[c], col.Vals[0])
		}
	}
	// Missing values of scored indicators are scored (or not) by their
	// missing rule, which warns; the growth parts are warned of here.
	for c, code := range vals.Cols {
		if ind := m.indicator(code); ind.Parent != "" && ind.Score != nil {
			continue
		}
		for u, v := range vals.Vals[c] {
			if engine.IsNA(v) {
				o.warn(Warning{Kind: "missing", Unit: o.Units[u].Code, Indicator: code, Msg: locale.M("method.w.missing", o.Units[u].Code, code)})
			}
		}
	}
	ts, _ := treatSpec(m.Pipeline.Treat)
	var cols []string
	for _, code := range vals.Cols {
		ind := m.indicator(code)
		if ind.Score == nil || sampleDependent(ind.Score) {
			cols = append(cols, code)
		}
	}
	if ts == nil || len(cols) == 0 {
		return vals, nil
	}
	treated, rep, err := engine.Treat(vals.SelectCols(cols), *ts)
	if err != nil {
		return nil, err
	}
	out := vals.Clone()
	for k, code := range cols {
		copy(out.Col(code), treated.Vals[k])
		it := rep.Indicators[k]
		switch {
		case it.Logged:
			o.warn(Warning{Kind: "treated", Indicator: code, Msg: locale.M("method.w.logged", code)})
		case it.Winsorised && it.NWin > 0:
			o.warn(Warning{Kind: "treated", Indicator: code, Msg: locale.M("method.w.winsorised", code, it.NWin)})
		}
	}
	o.Stages = append(o.Stages, engine.Stage{Name: engine.StageTreated, Data: out})
	return out, nil
}

func cutSuffix(s, suffix string) (string, bool) {
	if len(s) > len(suffix) && s[len(s)-len(suffix):] == suffix {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}

// events applies the events: points per event up to the type's cap
// (deductions positive, bonuses negative), and vetoes.
func (o *Outcome) events(m *Method, events []Event, n int) {
	o.Deduction, o.Vetoed = make([]float64, n), make([]bool, n)
	o.Disqualified, o.GradeCap = make([][]string, n), make([]string, n)
	idx := map[string]int{}
	for i, u := range o.Units {
		idx[u.Code] = i
	}
	used := map[[2]string]float64{} // unit, type → points counted so far
	for _, e := range events {
		et := m.eventType(e.Type)
		u, ok := idx[e.Unit]
		if et == nil || !ok {
			continue // ReadEvents rejects these
		}
		eff := Effect{Event: e, Effect: et.Effect}
		switch et.Effect {
		case EffectDisqualify:
			o.apply(u, et.Effect, et.Awards, "", locale.M("method.w.disq", e.Unit, o.Units[u].Name, e.Type, e.Document, strings.Join(et.Awards, "、")))
		case EffectCapGrade:
			o.apply(u, et.Effect, nil, et.Grade, locale.M("method.w.cap", e.Unit, o.Units[u].Name, e.Type, e.Document, et.Grade))
		case EffectVeto:
			if !o.Vetoed[u] {
				o.warn(Warning{Kind: "veto", Unit: e.Unit, Msg: locale.M("method.w.veto", e.Unit, o.Units[u].Name, e.Type, e.Document)})
			}
			o.Vetoed[u] = true
		default:
			key := [2]string{e.Unit, e.Type}
			p := et.Points
			if !math.IsNaN(et.Max) {
				p = math.Max(0, math.Min(p, et.Max-used[key]))
			}
			used[key] += p
			eff.Points = p
			if et.Effect == EffectBonus {
				o.Deduction[u] -= p
			} else {
				o.Deduction[u] += p
			}
		}
		o.Effects = append(o.Effects, eff)
	}
}

func init() {
	locale.Register(map[string][2]string{
		"method.w.imputed":    {"单位 %s 的 %s 缺失，已插补为 %v", "unit %s: missing %s imputed as %v"},
		"method.w.missing":    {"单位 %s 的 %s 缺失，该项不计分（权重在同级中重新分配）", "unit %s: %s is missing and not scored (its weight goes to its siblings)"},
		"method.w.winsorised": {"指标 %s 有离群值：已缩尾处理 %d 个点", "indicator %s has outliers: %d points Winsorised"},
		"method.w.logged":     {"指标 %s 偏度过大：已作对数变换", "indicator %s is too skewed: log-transformed"},
		"method.w.disq":       {"单位 %s %s 因“%s”（%s）不得参加“%s”评选", "unit %s %s: %q (%s) bars it from %s"},
		"method.w.cap":        {"单位 %s %s 因“%s”（%s）等级不高于“%s”", "unit %s %s: %q (%s) caps its grade at %s"},
		"method.w.veto":       {"单位 %s %s 因“%s”（%s）一票否决：保留得分和名次，不参加评奖", "unit %s %s is vetoed by %q (%s): it keeps its score and rank but wins no award"},
	})
}
