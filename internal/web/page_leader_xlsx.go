package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

func init() {
	registerUI(map[string][2]string{
		"leadx.awards": {"获奖县区", "Award winners"},
		"leadx.reds":   {"监测红灯", "Red lights"},
		"leadx.growth": {"增速（%）", "Growth (%)"},
		"leadx.ind":    {"指标", "Indicator"},
		"leadx.unit":   {"单位", "Unit"},
	})
}

// leaderXLSX is GET /leader.xlsx: the overview as a workbook — the award
// winners with their scores (rounded by the method) and the red lights —
// each sheet under the reader's watermark: a first line naming her and the
// time, and the same words as every printed page's header and footer.
func (s *Server) leaderXLSX(w http.ResponseWriter, r *http.Request) error {
	v, err := s.leaderView(r)
	if err != nil {
		return err
	}
	if v.Rank == nil {
		return notFound("published run")
	}
	lang := pageLang(r)
	translate := func(s string) string { return s }
	if repl, _ := s.englishNames(r); repl != nil && lang == locale.EN {
		translate = repl.Replace
	}
	awards := [][]any{{v.Mark}, {ui(lang, "xlsx.award"), ui(lang, "common.code"), ui(lang, "common.county"),
		ui(lang, "common.pref"), ui(lang, "common.score"), ui(lang, "common.rank")}}
	for _, l := range v.Rank.Awards {
		for _, row := range l.Rows {
			awards = append(awards, []any{translate(l.Name), row.Code, row.Name, row.PrefName, v.Rank.round(row.Score), row.Rank})
		}
	}
	reds := [][]any{{v.Mark}, {ui(lang, "common.code"), ui(lang, "common.county"), ui(lang, "leadx.ind"),
		ui(lang, "leadx.unit"), ui(lang, "leadx.growth")}}
	for _, x := range v.Reds {
		reds = append(reds, []any{x.Unit, x.UnitName, translate(x.Indicator), x.Unit2, method.Round(x.Growth, 1)})
	}
	file := "leader-" + v.Rank.Run.Period + ".xlsx"
	return writeXLSX(w, file, []xlsx.Sheet{
		{Name: ui(lang, "leadx.awards"), Rows: awards, Widths: []float64{30, 9, 14, 14, 9, 6}, Mark: v.Mark},
		{Name: ui(lang, "leadx.reds"), Rows: reds, Widths: []float64{9, 14, 30, 8, 10}, Mark: v.Mark},
	})
}
