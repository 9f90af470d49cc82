package web

import (
	"net/http"
	"net/url"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/report"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"sheet.title":   {"%s %s 县域经济发展综合评价成绩单", "%s: score sheet %s"},
		"sheet.xlsx":    {"下载成绩单（Excel）", "Score sheet (Excel)"},
		"sheet.pdf":     {"下载成绩单（PDF）", "Score sheet (PDF)"},
		"sheet.profile": {"返回县域画像", "Back to the profile"},
		"sheet.page":    {"成绩单（网页）", "Score sheet (page)"},
	})
}

// sheetView is the data of the printable score sheet (sheet.html).
type sheetView struct {
	*report.Sheet
	lang locale.Lang
}

// L is a score-sheet label in the page's language.
func (v sheetView) L(key string, args ...any) string { return report.Label(v.lang, key, args...) }

// PointsText are the sheet's points gaps in words, in the page's language.
func (v sheetView) PointsText() []string { return v.PointsSentences(v.lang) }

// Outcome is an objection's outcome in words.
func (v sheetView) Outcome(o store.Outcome) string { return report.OutcomeText(v.lang, o) }

// sheetGet is GET /counties/{code}/sheet: the score sheet as a printable
// page, which /counties/{code}/sheet.pdf prints; same access as the
// workbook.
func (s *Server) sheetGet(w http.ResponseWriter, r *http.Request) error {
	unit, run, rows, err := s.sheetTarget(r)
	if err != nil {
		return err
	}
	sh, err := s.buildSheet(r.Context(), run, unit, rows)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "sheet", sheetView{Sheet: sh, lang: pageLang(r)})
	return nil
}

// sheetPDF is GET /counties/{code}/sheet.pdf: headless Chromium prints the
// score sheet page with the caller's own credentials, as /notice.pdf
// prints the notice; without Chromium the answer is a 503 page saying
// what to do instead.
func (s *Server) sheetPDF(w http.ResponseWriter, r *http.Request) error {
	unit, run, _, err := s.sheetTarget(r)
	if err != nil {
		return err
	}
	q := url.Values{"run": {itoa(int(run.ID))}}
	return s.servePDF(w, r, "/counties/"+url.PathEscape(unit.Code)+"/sheet", q, sheetFile(unit.Code, run.Period, "pdf"), "sheet.noChromium")
}

func init() {
	registerUI(map[string][2]string{
		"sheet.noChromium": {"服务器未安装 Chromium，无法生成 PDF。请打开成绩单页面用浏览器“打印”另存为 PDF，或下载 Excel 版本。",
			"Chromium is not installed on the server, so no PDF can be made. Open the score sheet and print it to PDF from the browser, or download the Excel version."},
	})
}
