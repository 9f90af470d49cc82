package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/report"
)

// sheetXLSX is GET /counties/{code}/sheet.xlsx: the county's score sheet
// (?run=, else the newest run she may read it in) as a workbook, for the
// county itself and the provincial office only.
func (s *Server) sheetXLSX(w http.ResponseWriter, r *http.Request) error {
	unit, run, rows, err := s.sheetTarget(r)
	if err != nil {
		return err
	}
	sh, err := s.buildSheet(r.Context(), run, unit, rows)
	if err != nil {
		return err
	}
	return writeXLSX(w, sheetFile(unit.Code, run.Period, "xlsx"), report.SheetWorkbook(sh, pageLang(r)))
}

// sheetFile names a score sheet's file: sheet-620602-2022.xlsx.
func sheetFile(code, period, ext string) string {
	return "sheet-" + code + "-" + period + "." + ext
}
