package web

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// countyRules says in words which of the method's rules applied to unit
// in a run: the threshold or event behind a veto, a disqualification or a
// capped grade; what each missing figure scored; and how the office
// decided a tie at an award's last place the unit was part of (pending
// maps an award to the tied units, ds are the decisions). Values are
// left out unless showRaw.
func countyRules(o *method.Outcome, unit string, names map[string]nameUnit, pending map[string][]string,
	ds []store.AwardDecision, showRaw bool, lang locale.Lang) []string {
	var out []string
	name := func(code string) string {
		if n, ok := names[code]; ok && n.Name != "" {
			return n.Name
		}
		return code
	}
	for _, w := range o.Warnings {
		if w.Unit != unit {
			continue
		}
		switch w.Kind {
		case "veto", "disqualify", "cap_grade":
			if th := thresholdOf(o.Method, w.Msg); th != nil {
				value := ""
				if v, ok := w.Msg.Args[4].(float64); ok && showRaw {
					value = ui(lang, "county.rule.value", fixed(v, 2))
				}
				out = append(out, ui(lang, "county.rule.threshold", th.Name, name(th.Indicator), value, boundText(th.Min, th.Max),
					ui(lang, "county.rule.effect."+w.Kind)))
			} else if k, ok := eventRule[w.Msg.Key]; ok && len(w.Msg.Args) >= 4 {
				line := ui(lang, k, w.Msg.Args[2:]...) // the event's type, 文号 (and awards or grade)
				if invented(o, unit, w.Msg.Args[2], w.Msg.Args[3]) {
					line += ui(lang, "county.rule.invented")
				}
				out = append(out, line)
			} else {
				out = append(out, w.Msg.In(lang))
			}
		case "missing", "owed", "imputed":
			key := map[string]string{"method.w.miszero": "zero", "method.w.misfloor": "floor", "method.w.missing": "spread",
				"method.w.owed": "owed", "method.w.imputed": "imputed"}[w.Msg.Key]
			if key != "" {
				out = append(out, ui(lang, "county.rule.missing."+key, name(w.Indicator)))
			}
		}
	}
	for _, d := range ds {
		if !slices.Contains(pending[d.Award], unit) {
			continue
		}
		key := "county.rule.tieLost"
		if slices.Contains(d.Units, unit) {
			key = "county.rule.tieWon"
		}
		out = append(out, ui(lang, key, d.Award, d.Reference, d.DecidedAt.Format("2006-01-02")))
	}
	return out
}

// invented reports whether the event of unit with the type and document
// is marked invented (虚构) in its note, as the demo's events are: the page
// says so beside it, so that no real county is shown with an invented
// accident or offence unlabelled.
func invented(o *method.Outcome, unit string, typ, doc any) bool {
	for _, e := range o.Effects {
		if e.Event.Unit == unit && e.Event.Type == typ && e.Event.Document == doc && strings.Contains(e.Event.Note, "虚构") {
			return true
		}
	}
	return false
}

// eventRule maps the method's messages for an event's effect to the
// county page's sentence, which takes the message's arguments after the
// unit's code and name.
var eventRule = map[string]string{"method.w.veto": "county.rule.event.veto", "method.w.disq": "county.rule.event.disqualify",
	"method.w.cap": "county.rule.event.cap_grade"}

// thresholdOf is the threshold of m a threshold warning's message names
// (its third argument), nil for any other message.
func thresholdOf(m *method.Method, msg locale.Message) *method.Threshold {
	if !strings.HasPrefix(msg.Key, "method.w.th") || len(msg.Args) < 5 {
		return nil
	}
	for i := range m.Thresholds {
		if m.Thresholds[i].Name == msg.Args[2] {
			return &m.Thresholds[i]
		}
	}
	return nil
}

// boundText writes a threshold's bounds (NaN = none): "≥ 1", "≤ 2", "1–2".
func boundText(lo, hi float64) string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	switch {
	case math.IsNaN(hi):
		return "≥ " + f(lo)
	case math.IsNaN(lo):
		return "≤ " + f(hi)
	}
	return f(lo) + "–" + f(hi)
}

func init() {
	registerUI(map[string][2]string{
		"county.rules":                  {"适用的评价规则", "Rules applied"},
		"county.rule.invented":          {"【虚构事件：示例数据，并非真实发生】", " [invented event: sample data, it did not happen]"},
		"county.rule.threshold":         {"未达到约束性指标“%s”：%s%s，要求 %s，%s。", "Binding indicator %q not met: %s%s, required %s; %s."},
		"county.rule.value":             {"为 %s", " is %s"},
		"county.rule.effect.veto":       {"一票否决", "vetoed"},
		"county.rule.effect.disqualify": {"不参加相应奖项评选", "excluded from the awards it names"},
		"county.rule.effect.cap_grade":  {"等次受限", "its grade is capped"},
		"county.rule.event.veto":        {"因“%s”（%s）一票否决：保留得分和名次，不参加评奖。", "Vetoed for %q (%s): it keeps its score and rank but wins no award."},
		"county.rule.event.disqualify":  {"因“%s”（%s）不得参加“%s”评选。", "%q (%s) bars it from %s."},
		"county.rule.event.cap_grade":   {"因“%s”（%s）等次不高于“%s”。", "%q (%s) caps its grade at %s."},
		"county.rule.missing.zero":      {"“%s”缺失，该项不得分（0 分）。", "%s is missing: it scores 0."},
		"county.rule.missing.floor":     {"“%s”缺失，按不允许值计分。", "%s is missing: it scores the rule's floor (the unacceptable value's score)."},
		"county.rule.missing.spread":    {"“%s”不适用，该项不计分，权重在同级指标中重新分配。", "%s does not apply: not scored, its weight goes to its siblings."},
		"county.rule.missing.owed":      {"“%s”缺失，应由部门补报，补报前不计分，本批次不得公示。", "%s is missing and owed by its department: not scored, and the run may not go to public notice until it is supplied."},
		"county.rule.missing.imputed":   {"“%s”缺失，按插补值计分。", "%s is missing: scored on an imputed value."},
		"county.rule.tieWon":            {"“%s”末位并列，经评价办公室认定（%s，%s）获得该奖项。", "Tied for the last place of %s: the office decided (%s, %s) that it takes the place."},
		"county.rule.tieLost":           {"“%s”末位并列，经评价办公室认定（%s，%s）由其他单位获得。", "Tied for the last place of %s: the office decided (%s, %s) that another unit takes the place."},
	})
}
