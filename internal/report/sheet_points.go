package report

import (
	"cmp"
	"math"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
)

// WorthLine is one input the county can move, on its score sheet: the
// points one step of it is worth and the points matching the best
// county's figure would bring (method.InputWorth), with names.
type WorthLine struct {
	Name, Measure       string
	Step                float64
	Points, Recoverable float64
	Value, Best         float64
}

// EventLine is an event of the county that the method counted (a
// deduction, bonus, veto, disqualification or grade cap). Invented is set
// when the event is marked invented (虚构) in its note, as the demo's are:
// the sheet then says so beside it.
type EventLine struct {
	Date, Type, Department, Document string
	Effect                           string
	Points                           float64 // NaN for an effect without points
	Invented                         bool
}

// sheetEvents returns the events of unit that o counted, in event order.
func sheetEvents(o *method.Outcome, unit string) []EventLine {
	var out []EventLine
	for _, e := range o.Effects {
		if e.Event.Unit != unit {
			continue
		}
		l := EventLine{Date: e.Event.Date, Type: e.Event.Type, Department: e.Event.Department, Document: e.Event.Document,
			Effect: e.Effect, Points: math.NaN(), Invented: strings.Contains(e.Event.Note, "虚构")}
		if e.Effect == method.EffectDeduct || e.Effect == method.EffectBonus {
			l.Points = e.Points
		}
		out = append(out, l)
	}
	return out
}

// sheetWorths names the worths, leaving out those with nothing to gain
// at two decimals.
func sheetWorths(ws []method.InputWorth, names map[string]nameUnit) []WorthLine {
	var out []WorthLine
	for _, w := range ws {
		if w.Recoverable < 0.005 {
			continue
		}
		out = append(out, WorthLine{Name: cmp.Or(names[w.Column].name, w.Column), Measure: names[w.Column].unit, Step: w.Step,
			Points: w.Points, Recoverable: w.Recoverable, Value: w.Value, Best: w.Best})
	}
	return out
}

// vetoInvented reports whether every veto among events is invented.
func vetoInvented(events []EventLine) bool {
	any := false
	for _, e := range events {
		if e.Effect == method.EffectVeto {
			if !e.Invented {
				return false
			}
			any = true
		}
	}
	return any
}

// PointsSentences are the points gaps in words: to the next place, to
// the per-type awards and to the rise cut-off (method.PointsGaps).
func PointsSentences(points []method.PointsGap, lang locale.Lang) []string {
	L := func(k string, a ...any) string { return Label(lang, k, a...) }
	var out []string
	for _, g := range points {
		switch {
		case g.Kind == method.GapNext:
			out = append(out, L("ptsNext", RankText(g.Place), ScoreText(g.Points)))
		case g.Held && g.Type != "":
			out = append(out, L("ptsHeldType", g.Award, g.Type))
		case g.Held:
			out = append(out, L("ptsHeld", g.Award))
		case g.Kind == method.AwardPerType:
			out = append(out, L("ptsType", g.Award, g.Type, RankText(g.Place), ScoreText(g.Score), ScoreText(g.Points)))
		case g.Kind == method.AwardRise:
			out = append(out, L("ptsRise", g.Award, RankText(g.Rise), RankText(g.Place+g.Rise), RankText(g.Place),
				ScoreText(g.Score), ScoreText(g.Points)))
		}
	}
	return out
}

// PointsSentences are the sheet's points gaps in words (see the function).
func (s *Sheet) PointsSentences(lang locale.Lang) []string { return PointsSentences(s.Points, lang) }

// VetoInvented reports whether the unit's vetoes all come from invented
// events.
func (s *Sheet) VetoInvented() bool { return vetoInvented(s.Events) }

// pointsRows are the score sheet's gap rows: the points gaps in words,
// then what each movable input is worth.
func pointsRows(s *Sheet, lang locale.Lang) [][]any {
	L := func(k string, a ...any) string { return Label(lang, k, a...) }
	var rows [][]any
	for _, p := range PointsSentences(s.Points, lang) {
		rows = append(rows, []any{p})
	}
	if len(s.Worths) > 0 {
		rows = append(rows, []any{}, []any{L("worthHow")},
			[]any{L("indicator"), L("recover"), L("perStep"), L("step"), L("measure"), L("from"), L("best")})
		for _, w := range s.Worths {
			rows = append(rows, []any{w.Name, w.Recoverable, w.Points, w.Step, w.Measure, w.Value, w.Best})
		}
	}
	if len(rows) > 0 {
		rows = append(rows, []any{})
	}
	return rows
}

// eventRows are the events sheet: what the method counted, each invented
// one labelled so.
func eventRows(s *Sheet, lang locale.Lang) [][]any {
	L := func(k string, a ...any) string { return Label(lang, k, a...) }
	rows := [][]any{{L("evDate"), L("evType"), L("evDept"), L("evDoc"), L("evEffect"), L("evPoints"), L("evNote")}}
	for _, e := range s.Events {
		note := ""
		if e.Invented {
			note = L("invented")
		}
		rows = append(rows, []any{e.Date, e.Type, e.Department, e.Document, L("eff." + e.Effect), e.Points, note})
	}
	if len(s.Events) == 0 {
		rows = append(rows, []any{L("noEvents")})
	}
	return rows
}

func init() {
	for k, v := range map[string][2]string{
		"ptsNext":     {"距上一名次（第 %s 名）差 %s 分", "%[2]s points behind the next place up (rank %[1]s)"},
		"ptsType":     {"距%s（%s第 %s 名，%s 分）差 %s 分", "%[5]s points behind %[1]s (%[2]s rank %[3]s, %[4]s points)"},
		"ptsHeldType": {"已获评%s（%s）", "Holds %s (%s)"},
		"ptsHeld":     {"已获评%s", "Holds %s"},
		"ptsRise":     {"%s末位升幅为 %s 位：本县上年第 %s 名，需升至第 %s 名（现为 %s 分），差 %s 分", "The last %s rose %s places: from last year's rank %s this county needs rank %s (now %s points), %s points more"},
		"worthHow":    {"各项可提升指标的分值，按可追回分数排序（其他县数据不变，经完整评价办法重算；已是最好水平的指标不列出）", "What each indicator the county can move is worth, most recoverable points first (other counties unchanged, the whole method re-run; indicators at the best figure are not listed)"},
		"recover":     {"可追回分数", "Recoverable points"},
		"perStep":     {"每单位分值", "Points per step"},
		"step":        {"单位步长", "Step"},
		"best":        {"全省最好", "Best county"},
		"events":      {"扣分与否决", "Events"},
		"evDate":      {"日期", "Date"}, "evType": {"事项", "Event"}, "evDept": {"认定部门", "Department"},
		"evDoc": {"文件", "Document"}, "evEffect": {"处理", "Effect"}, "evPoints": {"分值", "Points"}, "evNote": {"说明", "Note"},
		"invented":       {"虚构事件：示例数据，并非真实发生", "Invented event: sample data, it did not happen"},
		"vetoInvented":   {"是（虚构事件：示例数据，并非真实发生）", "yes (invented event: sample data, it did not happen)"},
		"noEvents":       {"本批次没有计入本县的扣分、加分或否决事项。", "No deduction, bonus or veto counted for this county in this run."},
		"eff.deduct":     {"减分", "deduction"},
		"eff.bonus":      {"加分", "bonus"},
		"eff.veto":       {"一票否决", "veto"},
		"eff.disqualify": {"取消评奖资格", "disqualified from an award"},
		"eff.cap_grade":  {"等级封顶", "grade capped"},
	} {
		labels[k] = v
	}
}
