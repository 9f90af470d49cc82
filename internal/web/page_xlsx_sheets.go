package web

import (
	"math"
	"slices"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

func init() {
	registerUI(map[string][2]string{
		"xlsx.awards":    {"获奖名单", "Awards"},
		"xlsx.overall":   {"综合排名", "Overall ranking"},
		"xlsx.byType":    {"分类排名", "Ranking by type"},
		"xlsx.about":     {"说明", "About"},
		"xlsx.award":     {"奖项", "Award"},
		"xlsx.order":     {"序号", "No."},
		"xlsx.typeRank":  {"分类名次", "Rank in type"},
		"xlsx.change":    {"名次变化（上升为正）", "Rank change (up is positive)"},
		"xlsx.vetoed":    {"一票否决", "Vetoed"},
		"xlsx.yes":       {"是", "yes"},
		"xlsx.method":    {"评价办法", "Method"},
		"xlsx.runID":     {"评价批次", "Run"},
		"xlsx.hash":      {"批次哈希", "Run hash"},
		"xlsx.revision":  {"数据版本", "Data revision"},
		"xlsx.vis":       {"公开范围", "Visibility"},
		"xlsx.shown":     {"本表内容", "This workbook shows"},
		"xlsx.full":      {"完整排名", "the full table"},
		"xlsx.partial":   {"您可查看的部分（获奖县区或本单位）", "the part you may see (winners or your own units)"},
		"xlsx.sampleYes": {"示例数据，仅用于演示", "sample data, for demonstration only"},
		"xlsx.unrounded": {"未取整得分", "Unrounded scores"},
	})
}

// rankingSheet is a ranking table as a sheet: rank, code, name,
// prefecture, types, score, the areas' scores, rank in type (the chosen
// type, else the primary one), rank change, awards and veto.
func rankingSheet(lang locale.Lang, name string, v *rankView, rows []rankRow, typeIdx int) xlsx.Sheet {
	head := []any{ui(lang, "common.rank"), ui(lang, "common.code"), ui(lang, "common.county"), ui(lang, "common.pref"),
		ui(lang, "common.type"), ui(lang, "common.score")}
	for _, a := range v.Areas {
		head = append(head, pickLang(lang, a.Name, a.NameEn))
	}
	head = append(head, ui(lang, "xlsx.typeRank"), ui(lang, "xlsx.change"), ui(lang, "xlsx.award"), ui(lang, "xlsx.vetoed"))
	out := [][]any{head}
	for _, r := range rows {
		row := []any{r.Rank, r.Code, r.Name, r.PrefName, v.names(lang, r.Types), v.round(r.Score)}
		for _, a := range r.Areas {
			row = append(row, v.round(a))
		}
		tr := math.NaN()
		if i := typeIdx; i >= 0 {
			tr = r.TypeRanks[i]
		} else if len(r.Types) > 0 {
			if i := slices.Index(v.Types, r.Types[0]); i >= 0 {
				tr = r.TypeRanks[i]
			}
		}
		row = append(row, tr, r.RankChange, v.names(lang, r.Awards), yes(lang, r.Vetoed))
		out = append(out, row)
	}
	widths := []float64{6, 9, 14, 14, 22, 9}
	return xlsx.Sheet{Name: name, Rows: out, Widths: widths, BoldHeader: true, FreezeHeader: true}
}

// awardSheet lists every award's winners: award, order, code, name,
// prefecture, score and rank.
func awardSheet(lang locale.Lang, v *rankView) xlsx.Sheet {
	out := [][]any{{ui(lang, "xlsx.award"), ui(lang, "xlsx.order"), ui(lang, "common.code"), ui(lang, "common.county"),
		ui(lang, "common.pref"), ui(lang, "common.score"), ui(lang, "common.rank"), ui(lang, "xlsx.change")}}
	for _, l := range v.Awards {
		for i, r := range l.Rows {
			out = append(out, []any{v.names(lang, []string{l.Name}), i + 1, r.Code, r.Name, r.PrefName, v.round(r.Score), r.Rank, r.RankChange})
		}
	}
	return xlsx.Sheet{Name: ui(lang, "xlsx.awards"), Rows: out, Widths: []float64{22, 6, 9, 14, 14, 9, 6, 10},
		BoldHeader: true, FreezeHeader: true}
}

// typeSheet is the ranking within each type: type, rank in it, code,
// name, prefecture, overall score, awards.
func typeSheet(lang locale.Lang, v *rankView) xlsx.Sheet {
	out := [][]any{{ui(lang, "common.type"), ui(lang, "xlsx.typeRank"), ui(lang, "common.code"), ui(lang, "common.county"),
		ui(lang, "common.pref"), ui(lang, "common.score"), ui(lang, "xlsx.award")}}
	for ti, t := range v.Types {
		var rows []rankRow
		for _, r := range v.Rows {
			if slices.Contains(r.Types, t) {
				rows = append(rows, r)
			}
		}
		slices.SortStableFunc(rows, func(a, b rankRow) int { return cmpRank(a.TypeRanks[ti], b.TypeRanks[ti]) })
		for _, r := range rows {
			out = append(out, []any{v.names(lang, []string{t}), r.TypeRanks[ti], r.Code, r.Name, r.PrefName, v.round(r.Score), v.names(lang, r.Awards)})
		}
	}
	return xlsx.Sheet{Name: ui(lang, "xlsx.byType"), Rows: out, Widths: []float64{12, 8, 9, 14, 14, 9, 22},
		BoldHeader: true, FreezeHeader: true}
}

// unroundedSheet carries the scores at full precision (code, name, score,
// the areas' scores) beside the sheets of published, rounded figures, for
// the analyst who checks a tie or a sum.
func unroundedSheet(lang locale.Lang, v *rankView, rows []rankRow) xlsx.Sheet {
	head := []any{ui(lang, "common.code"), ui(lang, "common.county"), ui(lang, "common.score")}
	for _, a := range v.Areas {
		head = append(head, pickLang(lang, a.Name, a.NameEn))
	}
	out := [][]any{head}
	for _, r := range rows {
		row := []any{r.Code, r.Name, r.Score}
		for _, a := range r.Areas {
			row = append(row, a)
		}
		out = append(out, row)
	}
	return xlsx.Sheet{Name: ui(lang, "xlsx.unrounded"), Rows: out, Widths: []float64{9, 14, 20}, BoldHeader: true, FreezeHeader: true}
}

// round rounds a score as the run's method publishes it: to its decimals,
// or to 2 where the method ranks unrounded scores.
func (v *rankView) round(x float64) float64 {
	d := 2
	if v.Method != nil && v.Method.Decimals >= 0 {
		d = v.Method.Decimals
	}
	return method.Round(x, d)
}

func yes(lang locale.Lang, b bool) string {
	if b {
		return ui(lang, "xlsx.yes")
	}
	return ""
}

func pickLang(lang locale.Lang, zh, en string) string {
	if lang == locale.EN && en != "" {
		return en
	}
	return zh
}
