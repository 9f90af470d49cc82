package method

import (
	"math"
	"slices"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// What a missing value of an indicator scores (Indicator.Missing).
const (
	// MissingUnacceptable scores the rule's floor: efficacy its low score
	// (the unacceptable value's), completion and panel 0, all-or-nothing
	// its zero score, rank scoring the last place's, average-difference
	// its floor.
	MissingUnacceptable = "unacceptable"
	// MissingZero scores 0 (不得分): the default for figures a county
	// reports.
	MissingZero = "zero"
	// MissingSpread leaves the indicator out for the unit and spreads its
	// weight over its siblings: only for units of a type the indicator
	// does not apply to (NotApplicable).
	MissingSpread = "spread"
	// MissingImpute fills the value with the mean of the other units (or
	// the [pipeline] impute method) before scoring.
	MissingImpute = "impute"
	// MissingOwed is the default for figures a department supplies: the
	// indicator is left out for the unit, and the run may not go to 公示
	// until the figure is supplied.
	MissingOwed = "owed"
)

// Who reports an indicator's figures (Indicator.ReportedBy).
const (
	ReportedByDepartment = "department" // a provincial department supplies them for all units (default)
	ReportedByCounty     = "county"     // each county reports its own
)

// missingMode is what a missing value of ind scores for unit u.
func (m *Method) missingMode(ind *Indicator, u Unit) string {
	mode := ind.Missing
	if mode == MissingSpread && !slices.ContainsFunc(u.Types, func(t string) bool { return slices.Contains(ind.NotApplicable, t) }) {
		mode = "" // applicable to the unit: the default applies
	}
	if mode == "" {
		if ind.ReportedBy == ReportedByCounty {
			return MissingZero
		}
		return MissingOwed
	}
	return mode
}

// fillMissing scores the cells of indicator ind left missing (x is NaN)
// as its Missing mode says; scores are the rule's scores, changed in place.
func (c *scoreCtx) fillMissing(ind *Indicator, x, scores []float64, warn func(Warning)) {
	for u, v := range x {
		if !engine.IsNA(v) {
			continue
		}
		unit := c.units[u]
		switch mode := c.m.missingMode(ind, unit); mode {
		case MissingZero:
			scores[u] = 0
			warn(Warning{Kind: "missing", Unit: unit.Code, Indicator: ind.Code, Msg: locale.M("method.w.miszero", unit.Code, ind.Code)})
		case MissingUnacceptable:
			scores[u] = c.floorScore(ind.Score, ind, scores)
			warn(Warning{Kind: "missing", Unit: unit.Code, Indicator: ind.Code, Msg: locale.M("method.w.misfloor", unit.Code, ind.Code, scores[u])})
		case MissingSpread:
			warn(Warning{Kind: "missing", Unit: unit.Code, Indicator: ind.Code, Msg: locale.M("method.w.missing", unit.Code, ind.Code)})
		default: // owed
			warn(Warning{Kind: "owed", Unit: unit.Code, Indicator: ind.Code, Msg: locale.M("method.w.owed", unit.Code, ind.Code, ind.Department)})
		}
	}
}

// floorScore is the score of an unacceptable (missing) value under rule
// r, held within the rule's floor and ceiling; scores are the other
// units' scores (for rank scoring and engine normalisations).
func (c *scoreCtx) floorScore(r *Rule, ind *Indicator, scores []float64) float64 {
	var f float64
	switch r.Rule {
	case RuleEfficacy:
		f = r.Low
	case RuleCompletion, RuleAllOrNothing:
		if _, ok := c.target(r, ind); !ok && r.Fallback != nil {
			return c.floorScore(r.Fallback, ind, scores)
		}
		if r.Rule == RuleAllOrNothing {
			f = r.Zero
		}
	case RuleRank:
		f = r.Full - r.Step*float64(len(scores)-1)
	case RuleAverageDiff:
		f = r.Floor
	case RuleLevelGrowth:
		wl, wg := r.LevelWeight/(r.LevelWeight+r.GrowthWeight), r.GrowthWeight/(r.LevelWeight+r.GrowthWeight)
		f = wl*c.floorScore(r.Level, ind, scores) + wg*c.floorScore(r.GrowthRule, ind, scores)
	case RulePanel:
		f = 0
	default: // an engine normalisation: the lowest score of the sample
		f = math.Inf(1)
		for _, s := range scores {
			if !engine.IsNA(s) {
				f = math.Min(f, s)
			}
		}
	}
	return engine.Clamp([]float64{f}, r.Floor, r.Ceiling)[0]
}

// checkMissing checks an indicator's missing, reported_by and
// not_applicable fields.
func (c *checker) checkMissing(ind Indicator) {
	p := ind.path
	if ind.Missing != "" {
		c.oneOf(p+".missing", ind.Missing, MissingUnacceptable, MissingZero, MissingSpread, MissingImpute)
	}
	c.oneOf(p+".reported_by", ind.ReportedBy, ReportedByDepartment, ReportedByCounty)
	if ind.Missing == MissingSpread && len(ind.NotApplicable) == 0 {
		c.fail(p+".not_applicable", locale.M("method.spread"))
	}
	for _, t := range ind.NotApplicable {
		if c.m.typeOf(t) == nil {
			c.fail(p+".not_applicable", locale.M("method.notype", t))
		}
	}
	if ind.Missing == MissingUnacceptable && ind.Score != nil && ind.Score.Rule == RuleAverageDiff && math.IsNaN(ind.Score.Floor) {
		c.fail(p+".score.floor", locale.M("method.missfloor"))
	}
}

func init() {
	locale.Register(map[string][2]string{
		"method.w.miszero":  {"单位 %s 的 %s 缺失，该项不得分（0 分）", "unit %s: %s is missing and scores 0"},
		"method.w.misfloor": {"单位 %s 的 %s 缺失，按不允许值计 %v 分", "unit %s: %s is missing and scores the rule's floor, %v"},
		"method.w.owed":     {"单位 %s 的 %s 缺失（应由%s提供），补报前该项不计分，评价结果不得公示", "unit %s: %s is missing (owed by %s): not scored, and the run may not go to public notice until it is supplied"},
		"method.spread":     {"missing = \"spread\" 须用 not_applicable 列出不适用的类型", "missing = \"spread\" needs not_applicable: the types the indicator does not apply to"},
		"method.missfloor":  {"average_diff 规则的缺失值按不允许值计分时须写 floor", "an average_diff rule needs a floor to score missing values as unacceptable"},
	})
}
