package web

import (
	"math"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
)

// maxWhySentences is how many indicators the explanation tells in words:
// those that moved the total most; the rest stay in the 明细 table.
const maxWhySentences = 6

// whyFigures are the figures a sentence of the explanation names: the
// unit's value of each indicator in the previous and the current run.
type whyFigures struct {
	prev, cur *engine.Dataset
	unit      string
	m         *method.Method // the current run's method
}

// rawStage is the data set of an outcome's raw stage: every catalogue
// column as imported or derived (per capita, ratios, growth), nil when the
// outcome has none.
func rawStage(o *method.Outcome) *engine.Dataset {
	if o == nil {
		return nil
	}
	for _, st := range o.Stages {
		if st.Name == engine.StageRaw {
			return st.Data
		}
	}
	return nil
}

// value is the unit's raw value of col in d; NaN when absent.
func value(d *engine.Dataset, unit, col string) float64 {
	if d == nil {
		return math.NaN()
	}
	c, u := d.ColIndex(col), d.UnitIndex(unit)
	if c < 0 || u < 0 {
		return math.NaN()
	}
	return d.Vals[c][u]
}

// whySentences tells, for the indicators that moved the unit's total most
// (at least 0.005 points), what the figure was and is, what the rule made
// of it, how the indicator's score moved and what that did to the total,
// and how much of it was the unit's own doing, the other units' and the
// method's. Rows are sorted by |Total| already.
func whySentences(rows []contribRow, f whyFigures, lang locale.Lang) []string {
	var out []string
	for _, r := range rows {
		if len(out) == maxWhySentences {
			break
		}
		if math.IsNaN(r.Total) || math.Abs(r.Total) < 0.005 {
			continue
		}
		out = append(out, whySentence(r, f, lang))
	}
	return out
}

// whySentence is one indicator's sentence.
func whySentence(r contribRow, f whyFigures, lang locale.Lang) string {
	var ind *method.Indicator
	if f.m != nil {
		for i := range f.m.Indicators {
			if f.m.Indicators[i].Code == r.Code {
				ind = &f.m.Indicators[i]
			}
		}
	}
	unit := ""
	if ind != nil {
		unit = ind.Unit
	}
	pv, cv := value(f.prev, f.unit, r.Code), value(f.cur, f.unit, r.Code)
	s := ui(lang, "why.name", r.Name)
	switch {
	case !math.IsNaN(pv) && !math.IsNaN(cv):
		s += ui(lang, "why.values", figure(cv, unit), figure(pv, unit))
	case !math.IsNaN(cv):
		s += ui(lang, "why.value", figure(cv, unit))
	}
	if ind != nil && ind.Score != nil && !math.IsNaN(cv) {
		s += standardNote(ind.Score, cv, unit, lang)
	}
	switch {
	case math.IsNaN(r.Prev) && !math.IsNaN(r.Cur):
		s += ui(lang, "why.scoreNew", score(r.Cur))
	case !math.IsNaN(r.Prev) && math.IsNaN(r.Cur):
		s += ui(lang, "why.scoreGone", score(r.Prev))
	case r.Cur > r.Prev:
		s += ui(lang, "why.scoreUp", score(r.Prev), score(r.Cur))
	case r.Cur < r.Prev:
		s += ui(lang, "why.scoreDown", score(r.Prev), score(r.Cur))
	default:
		s += ui(lang, "why.scoreSame", score(r.Cur))
	}
	s += ui(lang, "why.total", signed(r.Total))
	var parts []string
	for _, p := range []struct {
		key string
		v   float64
	}{{"why.own", r.Own}, {"why.others", r.Others}, {"why.method", r.Method}, {"why.rest", r.Rest}} {
		if !math.IsNaN(p.v) && math.Abs(p.v) >= 0.005 {
			parts = append(parts, ui(lang, p.key, signed(p.v)))
		}
	}
	if len(parts) > 1 || (len(parts) == 1 && math.Abs(r.Own-r.Total) >= 0.005) {
		s += ui(lang, "why.split", joinList(parts, lang))
	}
	if lang == locale.EN && s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = strings.ToUpper(s[:1]) + s[1:] // an English name starts the sentence
	}
	return s + ui(lang, "why.stop")
}

// standardNote says where the value stands against the rule's fixed
// standard: a target met or missed, a satisfactory value reached, an
// unacceptable value not passed. Empty for rules relative to the sample.
func standardNote(rule *method.Rule, v float64, unit string, lang locale.Lang) string {
	switch rule.Rule {
	case method.RuleAllOrNothing, method.RuleCompletion:
		if math.IsNaN(rule.Target) {
			return ""
		}
		if v >= rule.Target {
			return ui(lang, "why.targetMet", figure(rule.Target, unit))
		}
		return ui(lang, "why.targetMissed", figure(rule.Target, unit))
	case method.RuleEfficacy:
		sat, un := rule.Satisfactory, rule.Unacceptable
		if sat.Stat != "" || un.Stat != "" {
			return ""
		}
		better := func(a, b float64) bool { return (sat.Value >= un.Value && a >= b) || (sat.Value < un.Value && a <= b) }
		switch {
		case better(v, sat.Value):
			return ui(lang, "why.satisfactory", figure(sat.Value, unit))
		case better(un.Value, v):
			return ui(lang, "why.unacceptable", figure(un.Value, unit))
		}
		return ui(lang, "why.between", figure(un.Value, unit), figure(sat.Value, unit))
	}
	return ""
}

// figure writes a value with its unit as people write it: at most two
// decimals, no trailing zeros.
func figure(v float64, unit string) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) + unit
}

// score writes an indicator score with two decimals at most.
func score(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }

// signed writes a change of points with its sign and two decimals.
func signed(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		return "0.00"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', 2, 64)
	if v < 0 {
		return "−" + s
	}
	return "+" + s
}

func joinList(parts []string, lang locale.Lang) string {
	sep := "，"
	if lang == locale.EN {
		sep = ", "
	}
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += sep
		}
		s += p
	}
	return s
}

func init() {
	registerUI(map[string][2]string{
		"why.name":         {"%s", "%s"},
		"why.values":       {" %s（上期 %s）", " %s (previously %s)"},
		"why.value":        {" %s", " %s"},
		"why.targetMet":    {"，达到 %s 的目标", ", meeting the target of %s"},
		"why.targetMissed": {"，低于 %s 的达标线", ", below the target of %s"},
		"why.satisfactory": {"，达到 %s 的满意值", ", at or beyond the satisfactory value of %s"},
		"why.unacceptable": {"，未达到 %s 的不允许值", ", not beyond the unacceptable value of %s"},
		"why.between":      {"，在不允许值 %s 与满意值 %s 之间", ", between the unacceptable value %s and the satisfactory value %s"},
		"why.scoreUp":      {"，得分由 %s 升为 %s", "; its score rose from %s to %s"},
		"why.scoreDown":    {"，得分由 %s 降为 %s", "; its score fell from %s to %s"},
		"why.scoreSame":    {"，得分仍为 %s", "; its score stayed at %s"},
		"why.scoreNew":     {"，本期新计分 %s", "; newly scored %s"},
		"why.scoreGone":    {"，本期不计分（上期 %s）", "; not scored this time (previously %s)"},
		"why.total":        {"，总分 %s", ", %s points on the total"},
		"why.split":        {"（其中%s）", " (%s)"},
		"why.own":          {"本县数值变化 %s", "own figures %s"},
		"why.others":       {"其他县变化 %s", "other counties %s"},
		"why.method":       {"办法变化 %s", "method change %s"},
		"why.rest":         {"权重与缺失 %s", "weights and gaps %s"},
		"why.stop":         {"。", "."},
		"county.detail":    {"明细（各部分的分解）", "Details (the parts of the change)"},
	})
}
