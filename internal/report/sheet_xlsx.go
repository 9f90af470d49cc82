package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// labels of the score sheet, Chinese and English.
var labels = map[string][2]string{
	"summary": {"成绩单", "Score sheet"}, "areas": {"领域得分", "Areas"}, "inds": {"指标得分", "Indicators"},
	"why": {"名次变化原因", "Why it changed"}, "gap": {"差距", "Gap"}, "obj": {"异议", "Objections"}, "about": {"说明", "About"},
	"item": {"项目", "Item"}, "value": {"内容", "Value"},
	"county": {"县（市、区）", "County"}, "code": {"代码", "Code"}, "pref": {"所属市州", "Prefecture"}, "types": {"类型", "Types"},
	"period": {"评价期", "Period"}, "run": {"评价批次", "Run"}, "state": {"状态", "State"}, "score": {"综合得分", "Overall score"},
	"rank": {"综合排名", "Overall rank"}, "change": {"名次变化（上升为正）", "Rank change (up is positive)"},
	"awards": {"获奖情况", "Awards"}, "veto": {"一票否决", "Vetoed"}, "yes": {"是", "yes"}, "no": {"否", "no"}, "none": {"无", "none"},
	"typeRank": {"类型内排名（%s）", "Rank in type (%s)"}, "of": {"%s / %d", "%s of %d"},
	"area": {"领域", "Area"}, "aScore": {"得分", "Score"}, "typeAvg": {"同类型平均", "Type average"}, "diff": {"差值", "Difference"},
	"peerRank": {"同类型排名", "Rank in type"}, "weight": {"权重 %", "Weight %"}, "indicator": {"指标", "Indicator"},
	"raw": {"原始值", "Value"}, "measure": {"单位", "Unit"}, "rankAll": {"全省排名", "Rank (all)"}, "contrib": {"贡献（分）", "Contribution (points)"},
	"prev": {"上期得分", "Previous"}, "cur": {"本期得分", "Current"}, "own": {"自身变化", "Own movement"},
	"others": {"他县变化", "Others' movement"}, "rest": {"办法、权重与缺失", "Method, weights, gaps"}, "total": {"合计", "Total"},
	"otherRow": {"权重调整、扣分与取整", "Weights, deductions and rounding"}, "sum": {"得分变化", "Score change"},
	"whyNone":  {"本批次没有可比较的上一批次。", "This run has no previous run to compare with."},
	"since":    {"与 %s 相比：得分 %s → %s，名次 %s → %s", "Against %s: score %s → %s, rank %s → %s"},
	"gapTo":    {"与前 %d 名的差距（其他县数据不变，单项指标至少需要达到的数值）", "The gap to the top %d (other counties unchanged; each indicator on its own)"},
	"gapFirst": {"本县已居第一名。", "This county ranks first."}, "from": {"现值", "Now"}, "to": {"需达到", "Needed"},
	"pct": {"变化 %", "Change %"}, "newRank": {"可升至", "New rank"},
	"uniform": {"所有指标同时提高 %s%%，可升至前 %d 名", "All indicators %s%% better at once: the top %d"},
	"beyond":  {"单独提高也无法达到：%s", "Cannot do it alone: %s"},
	"oid":     {"编号", "No."}, "raised": {"提出时间", "Raised"}, "by": {"提出人", "By"}, "reason": {"理由", "Reason"},
	"att": {"附件", "Attachment"}, "outcome": {"结果", "Outcome"}, "answer": {"答复", "Answer"}, "answeredBy": {"答复人", "Answered by"},
	"answeredAt": {"答复时间", "Answered"}, "upheld": {"异议成立", "upheld"}, "rejected": {"异议不成立", "rejected"},
	"open": {"待答复", "open"}, "noObj": {"本批次无异议。", "No objections in this run."},
	"method": {"评价办法", "Method"}, "hash": {"批次哈希", "Run hash"}, "sample": {"示例数据，仅用于演示", "Sample data, for demonstration only"},
	"private": {"本成绩单只含本县（市、区）自身的数据；其他县区只以同类型平均、参评县数和名次的形式出现，不含其名称、代码或数据。",
		"This sheet holds this county's own data only; other counties appear only as type averages, counts and ranks, never by name, code or figure."},
}

// Label returns a score-sheet label in lang, formatted with args.
func Label(lang locale.Lang, key string, args ...any) string {
	v := labels[key]
	s := v[0]
	if lang == locale.EN && v[1] != "" {
		s = v[1]
	}
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s
}

// OutcomeText is an objection's outcome in words.
func OutcomeText(lang locale.Lang, o store.Outcome) string {
	switch o {
	case store.OutcomeUpheld:
		return Label(lang, "upheld")
	case store.OutcomeRejected:
		return Label(lang, "rejected")
	}
	return Label(lang, "open")
}

// SheetWorkbook lays a score sheet out as workbook sheets: the summary,
// areas, indicators, the explanation of the change, the gap, the
// objections, and notes.
func SheetWorkbook(s *Sheet, lang locale.Lang) []xlsx.Sheet {
	L := func(k string, a ...any) string { return Label(lang, k, a...) }
	yes := L("no")
	switch {
	case s.Vetoed && vetoInvented(s.Events):
		yes = L("vetoInvented")
	case s.Vetoed:
		yes = L("yes")
	}
	summary := [][]any{{L("item"), L("value")},
		{L("county"), s.Name}, {L("code"), s.Code}, {L("pref"), s.Prefecture}, {L("types"), strings.Join(s.Types, "、")},
		{L("period"), s.Period}, {L("run"), s.RunID}, {L("state"), string(s.State)}, {L("score"), s.Score},
		{L("rank"), L("of", RankText(s.Rank), s.Ranked)}, {L("change"), s.RankChange},
		{L("awards"), awardsText(s.Awards, L("none"))}, {L("veto"), yes}}
	for _, t := range s.TypeRanks {
		summary = append(summary, []any{L("typeRank", t.Type), L("of", RankText(t.Rank), t.Of)})
	}
	areas := [][]any{{L("area"), L("aScore"), L("typeAvg"), L("diff"), L("peerRank"), L("weight")}}
	for _, a := range s.Areas {
		areas = append(areas, []any{a.Name, a.Score, a.TypeAvg, a.Score - a.TypeAvg, L("of", RankText(a.TypeRank), a.Of), a.EffectiveWeightPc})
	}
	inds := [][]any{{L("indicator"), L("area"), L("raw"), L("measure"), L("aScore"), L("typeAvg"), L("peerRank"),
		L("rankAll"), L("weight"), L("contrib")}}
	for _, i := range s.Indicators {
		inds = append(inds, []any{i.Name, i.Area, i.Raw, i.Measure, i.Score, i.PeerMean, i.PeerRank, i.Rank, i.WeightPc, i.Contribution})
	}
	why := [][]any{{L("indicator"), L("prev"), L("cur"), L("own"), L("others"), L("rest"), L("total")}}
	if e := s.Explain; e != nil {
		for _, c := range e.Rows {
			why = append(why, []any{c.Name, c.Prev, c.Cur, c.Own, c.Others, c.Rest, c.Total})
		}
		why = append(why, []any{L("otherRow"), nil, nil, nil, nil, nil, e.Other}, []any{L("sum"), e.PrevScore, e.CurScore, nil, nil, nil, e.Change},
			[]any{L("since", e.PrevPeriod, ScoreText(e.PrevScore), ScoreText(e.CurScore), RankText(e.PrevRank), RankText(e.CurRank))})
	} else {
		why = append(why, []any{L("whyNone")})
	}
	gap := pointsRows(s, lang)
	switch g := s.Gap; {
	case g != nil && len(g.Lines) > 0:
		gap = append(gap, []any{L("gapTo", g.K)}, []any{L("indicator"), L("from"), L("to"), L("measure"), L("pct"), L("newRank")})
		for _, l := range g.Lines {
			gap = append(gap, []any{l.Name, l.From, l.To, l.Measure, l.Percent, l.NewRank})
		}
		if !math.IsNaN(g.Uniform) {
			gap = append(gap, []any{L("uniform", ScoreText(g.Uniform), g.K)})
		}
	case g == nil:
		gap = append(gap, []any{L("gapFirst")})
	}
	obj := [][]any{{L("oid"), L("run"), L("raised"), L("by"), L("reason"), L("att"), L("outcome"), L("answer"), L("answeredBy"), L("answeredAt")}}
	for _, o := range s.Objections {
		obj = append(obj, []any{o.ID, o.RunID, timeText(o.RaisedAt), o.RaisedBy, o.Reason, o.Attachment, OutcomeText(lang, o.Outcome),
			o.Answer, o.AnsweredBy, timeText(o.AnsweredAt)})
	}
	if len(s.Objections) == 0 {
		obj = append(obj, []any{L("noObj")})
	}
	about := [][]any{{L("item"), L("value")}, {L("method"), s.Method}, {L("run"), s.RunID}, {L("hash"), s.Hash}, {"", L("private")}}
	if s.Sample {
		about = append(about, []any{"", L("sample")})
	}
	sheet := func(key string, rows [][]any, widths ...float64) xlsx.Sheet {
		return xlsx.Sheet{Name: L(key), Rows: rows, Widths: widths, BoldHeader: true, FreezeHeader: true}
	}
	return []xlsx.Sheet{
		sheet("summary", summary, 26, 40),
		sheet("areas", areas, 18, 10, 12, 10, 12, 10),
		sheet("inds", inds, 26, 14, 12, 10, 10, 12, 12, 10, 10, 12),
		sheet("why", why, 26, 10, 10, 12, 12, 14, 10),
		sheet("gap", gap, 26, 12, 12, 10, 10, 10, 10),
		sheet("events", eventRows(s, lang), 12, 22, 14, 22, 14, 8, 36),
		sheet("obj", obj, 6, 8, 18, 12, 40, 20, 12, 40, 12, 18),
		sheet("about", about, 14, 90),
	}
}

// timeText is a moment in China time to the minute; "" for none.
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(store.ChinaTime).Format("2006-01-02 15:04")
}

// awardsText is the awards joined for a cell, or none ("无") so that a blank
// cell is never read as a figure not yet filled in.
func awardsText(awards []string, none string) string {
	if len(awards) == 0 {
		return none
	}
	return strings.Join(awards, "、")
}
