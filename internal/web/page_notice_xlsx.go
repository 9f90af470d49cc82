package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// noticeXLSX exports the notice of a run (?run=, else the latest
// published) as a workbook: 获奖名单, 综合排名, 分类排名 and 说明, with the
// rows the caller may see.
func (s *Server) noticeXLSX(w http.ResponseWriter, r *http.Request) error {
	run, ok, err := s.pickRun(r)
	if err != nil {
		return err
	}
	if !ok {
		return notFound("published run")
	}
	v, err := s.rankingOf(r, run)
	if err != nil {
		return err
	}
	lang := pageLang(r)
	shown := ui(lang, "xlsx.full")
	if !v.Full {
		shown = ui(lang, "xlsx.partial")
	}
	about := [][]any{
		{ui(lang, "xlsx.method"), pickLang(lang, v.Method.Title, v.Method.TitleEn)},
		{ui(lang, "common.period"), run.Period},
		{ui(lang, "xlsx.runID"), run.ID},
		{ui(lang, "xlsx.revision"), run.Revision},
		{ui(lang, "xlsx.hash"), run.Hash},
		{ui(lang, "xlsx.vis"), ui(lang, "vis."+string(run.Visibility))},
		{ui(lang, "xlsx.shown"), shown},
	}
	if v.Method.Sample {
		about = append(about, []any{ui(lang, "app.sample"), ui(lang, "xlsx.sampleYes")})
	}
	sheets := []xlsx.Sheet{
		awardSheet(lang, v),
		rankingSheet(lang, ui(lang, "xlsx.overall"), v, v.Rows, -1),
		typeSheet(lang, v),
		unroundedSheet(lang, v, v.Rows),
		{Name: ui(lang, "xlsx.about"), Rows: about, Widths: []float64{14, 70}},
	}
	return writeXLSX(w, "notice-"+run.Period+".xlsx", sheets)
}
