package web

import (
	"math"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
)

// pointsView is the gap a county head can use (issue 15 item 5): the
// points the county lacks to the next place, to each per-type award in its
// type (先进县: 2nd of its type) and to the 进步县 cut-off, and for each
// input it can move the points one step of it is worth, most recoverable
// points first. Shown to the county itself and the province only (see
// maySheet); inputs that can gain nothing are not listed at all.
type pointsView struct {
	Lines  []string
	Worths []worthLine
}

// worthLine is one movable input: what one step is worth and what
// matching the best county's figure would bring.
type worthLine struct {
	Name                    string
	Step                    string // "1 %" etc.
	Points, Recoverable     string
	Value, Best, Measure    string
	PointsExact, RecovExact float64
}

// newPointsView lays out the points gaps and input worths of a in lang.
func newPointsView(a *countyAnalysis, m *method.Method, names map[string]nameUnit, lang locale.Lang) *pointsView {
	if len(a.points) == 0 && len(a.worths) == 0 {
		return nil
	}
	v := &pointsView{}
	pts := func(x float64) string { return fixed(x, 2) }
	for _, g := range a.points {
		award := awardName(m, g.Award, lang)
		typ := typeName(m, g.Type, lang)
		switch {
		case g.Kind == method.GapNext:
			v.Lines = append(v.Lines, ui(lang, "county.pts.next", rankText(g.Place), pts(g.Points)))
		case g.Held && g.Kind == method.AwardPerType:
			v.Lines = append(v.Lines, ui(lang, "county.pts.heldType", award, typ))
		case g.Held:
			v.Lines = append(v.Lines, ui(lang, "county.pts.held", award))
		case g.Kind == method.AwardPerType:
			v.Lines = append(v.Lines, ui(lang, "county.pts.type", award, typ, rankText(g.Place), pts(g.Score), pts(g.Points)))
		case g.Kind == method.AwardRise:
			v.Lines = append(v.Lines, ui(lang, "county.pts.rise", award, rankText(g.Rise), rankText(g.Place+g.Rise),
				rankText(g.Place), pts(g.Score), pts(g.Points)))
		}
	}
	for _, w := range a.worths {
		if w.Recoverable < 0.005 { // shows as 0.00: nothing to gain
			continue
		}
		nu := names[w.Column]
		if nu.Name == "" {
			nu.Name = w.Column
		}
		v.Worths = append(v.Worths, worthLine{Name: nu.Name, Measure: nu.Unit, Step: plainNum(w.Step) + " " + nu.Unit,
			Points: fixed(w.Points, 3), Recoverable: pts(w.Recoverable), Value: plainNum(w.Value), Best: plainNum(w.Best),
			PointsExact: w.Points, RecovExact: w.Recoverable})
	}
	return v
}

// awardName is the method's name of award name in lang.
func awardName(m *method.Method, name string, lang locale.Lang) string {
	for _, a := range m.Awards {
		if a.Name == name {
			return pickLang(lang, a.Name, a.NameEn)
		}
	}
	return name
}

// typeName is the method's name of type name in lang.
func typeName(m *method.Method, name string, lang locale.Lang) string {
	for _, t := range m.Types {
		if t.Name == name {
			return pickLang(lang, t.Name, t.NameEn)
		}
	}
	return name
}

func init() {
	registerUI(map[string][2]string{
		"county.pts.title":    {"本县可用的差距", "The gap this county can work on"},
		"county.pts.how":      {"按本批次的评价办法和各县数据计算，其他县数据不变；分数为综合得分（类型奖项为类型内得分），“差”指追平所需的最少分数，追平后按办法的并列规则排序。仅本县和省级评价办公室可见。", "Computed with this run's method and figures, the other counties unchanged; points are overall scores (type scores for a type award); a gap is the least needed to draw level, the method's tie-breaks deciding then. Shown to this county and the provincial office only."},
		"county.pts.next":     {"距上一名次（第 %s 名）差 %s 分。", "%[2]s points behind the next place up (rank %[1]s)."},
		"county.pts.type":     {"距%s（%s第 %s 名，%s 分）差 %s 分。", "%[5]s points behind %[1]s (%[2]s rank %[3]s, %[4]s points)."},
		"county.pts.heldType": {"已获评%s（%s）。", "Holds %s (%s)."},
		"county.pts.held":     {"已获评%s。", "Holds %s."},
		"county.pts.rise":     {"%s末位升幅为 %s 位：本县上年第 %s 名，需升至第 %s 名（现为 %s 分），差 %s 分。", "The last %s rose %s places: from last year's rank %s this county needs rank %s (now %s points), %s points more."},
		"county.pts.worth":    {"各项可提升指标的分值（按可追回分数排序）", "What each indicator the county can move is worth (most recoverable points first)"},
		"county.pts.worthHow": {"“每单位分值”为该指标改善一个单位（如 1 个百分点、1 亿元）时综合得分的变化；“可追回分数”为该指标达到全省最好水平时综合得分的增加，均经完整评价办法重算。已是最好水平或不再加分的指标不列出。", "Points per step: the change of the overall score when the indicator improves by one step (one percentage point, ¥100 million …); recoverable: the gain if it matched the best county's figure; both by re-running the whole method. Indicators at the best figure or beyond any further points are not listed."},
		"county.pts.step":     {"单位", "Step"},
		"county.pts.perStep":  {"每单位分值", "Points per step"},
		"county.pts.recover":  {"可追回分数", "Recoverable points"},
		"county.pts.value":    {"本县数值", "This county"},
		"county.pts.best":     {"全省最好", "Best county"},
	})
}

// peerStrengths gives the strengths and weaknesses the type standing of
// the indicator table (the type's declarers), so that the page says one
// count of peers throughout.
func (v *countyView) peerStrengths() {
	by := map[string]countyIndicator{}
	for _, ci := range v.Indicators {
		by[ci.Code] = ci
	}
	for _, rows := range [][]strengthRow{v.Strengths, v.Weaknesses} {
		for i := range rows {
			if ci, ok := by[rows[i].Code]; ok && !math.IsNaN(ci.PeerMean) {
				rows[i].PeerRank, rows[i].Abs = ci.PeerRank, math.Abs(ci.Score-ci.PeerMean)
			}
		}
	}
}
