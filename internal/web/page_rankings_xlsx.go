package web

import (
	"bytes"
	"net/http"
	"net/url"

	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// rankingsXLSX exports the table of /rankings with the same filters as a
// workbook of one sheet: 综合排名, or 分类排名 for one type.
func (s *Server) rankingsXLSX(w http.ResponseWriter, r *http.Request) error {
	v, ok, err := s.rankings(r)
	if err != nil {
		return err
	}
	if !ok {
		return notFound("published run")
	}
	lang := pageLang(r)
	name := ui(lang, "xlsx.overall")
	if v.Type != "" {
		name = ui(lang, "xlsx.byType")
	}
	sheet := rankingSheet(lang, name, v.Rank, v.Rows, v.TypeIdx)
	file := "rankings-" + v.Rank.Run.Period + ".xlsx"
	return writeXLSX(w, file, []xlsx.Sheet{sheet, unroundedSheet(lang, v.Rank, v.Rows)})
}

// writeXLSX sends sheets as a download named file. The workbook is built
// in memory first, so that a failure is an error page, not a broken file.
func writeXLSX(w http.ResponseWriter, file string, sheets []xlsx.Sheet) error {
	var b bytes.Buffer
	if err := xlsx.Write(&b, sheets); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(file))
	w.Header().Set("Content-Length", itoa(b.Len()))
	_, err := w.Write(b.Bytes())
	return err
}
