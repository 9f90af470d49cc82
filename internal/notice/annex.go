package notice

import (
	"cmp"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/report"
	"github.com/qiangxian/qiangxian/internal/store"
)

// annexes are the tables a run with the full visibility attaches: the
// overall ranking of every unit, then one ranking per type of the method
// (a two-type unit in each of its types). The widths are such that every
// header fits one line of 小四 (县（市、区）: six characters of 4.23 mm and
// the cell's padding, 27.8 mm, in 18 % of 156 mm).
func annexes(in Input, overall []store.Result, period, subject string) []Annex {
	out := []Annex{{Title: period + subject + "综合排名",
		Header: []string{"名次", "县（市、区）", "所属市（州）", "类型", "综合得分", "名次变化", "获奖情况"},
		Right:  []bool{true, false, false, false, true, false, false},
		Widths: []float64{7, 18, 18, 17, 12.5, 12.5, 15}}}
	for _, r := range overall {
		u := in.Units[r.Unit]
		out[0].Rows = append(out[0].Rows, []string{report.RankText(r.Rank), u.Name, in.Units[u.Parent].Name,
			strings.Join(in.Types[r.Unit], "、"), report.ScoreText(r.Score), report.ChangeText(r.RankChange), awardsText(r)})
	}
	root := in.Method.Root()
	for _, t := range in.Method.Types {
		var rows []store.Result
		for _, r := range in.Results {
			if r.Node == root && r.Group == t.Name {
				rows = append(rows, r)
			}
		}
		if len(rows) == 0 {
			continue
		}
		slices.SortFunc(rows, func(a, b store.Result) int {
			return cmp.Or(report.CmpRank(a.GroupRank, b.GroupRank), cmp.Compare(a.Unit, b.Unit))
		})
		a := Annex{Title: period + t.Name + "县（市、区）排名",
			Header: []string{"类型内名次", "县（市、区）", "所属市（州）", "类型得分", "综合名次", "获奖情况"},
			Right:  []bool{true, false, false, true, true, false},
			Widths: []float64{15.5, 18, 18, 12.5, 12.5, 23.5}}
		byUnit := map[string]store.Result{}
		for _, o := range overall {
			byUnit[o.Unit] = o
		}
		for _, r := range rows {
			u := in.Units[r.Unit]
			o := byUnit[r.Unit]
			a.Rows = append(a.Rows, []string{report.RankText(r.GroupRank), u.Name, in.Units[u.Parent].Name,
				report.ScoreText(r.Score), report.RankText(o.Rank), awardsText(o)})
		}
		out = append(out, a)
	}
	return out
}

// awardsText is a unit's awards as the annex writes them, full-width, with
// a veto said.
func awardsText(r store.Result) string {
	as := make([]string, 0, len(r.Awards)+1)
	for _, a := range r.Awards {
		as = append(as, FullWidth(a))
	}
	if r.Vetoed {
		as = append(as, "一票否决")
	}
	return strings.Join(as, "、")
}
