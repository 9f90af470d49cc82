package web

import (
	"bytes"
	"net/http"
	"net/url"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// dataTemplate downloads the workbook the caller fills in to report the
// period's figures (/data/template.xlsx?period=): the counties and the
// indicators she may report, last year's figures beside them.
func (s *Server) dataTemplate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, ownScope(c, auth.KindObservation), "figures"); err != nil {
		return err
	}
	period := r.URL.Query().Get("period")
	sheets, err := ingest.Template(r.Context(), s.db, c.principal(), period)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, sheets); err != nil {
		return err
	}
	name := "模板-" + period + ".xlsx"
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="template-`+url.PathEscape(period)+`.xlsx"; filename*=UTF-8''`+url.PathEscape(name))
	w.Write(b.Bytes())
	return nil
}
