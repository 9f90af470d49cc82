package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/ingest"
)

// dataImport imports an uploaded wide table (fields file, period, note)
// through the check rules, as the collection's upload does: a clean table
// goes in as one revision and the page says so; one with figures the soft
// rules flag is held until they are explained (its page opens); a table with
// problems imports nothing and the page comes back (422) listing every
// problem at its cell, in the caller's language.
func (s *Server) dataImport(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, ownScope(c, auth.KindObservation), "figures"); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	if err := r.ParseMultipartForm(16 << 20); err != nil {
		return asUploadError(err)
	}
	v := &dataView{Period: r.FormValue("period"), Note: r.FormValue("note")}
	t, done, err := s.readUpload(w, r)
	defer done()
	if err == nil {
		var res checked
		if res, err = s.checkedImport(r, t, v.Period, v.Note); err == nil {
			var to string
			if res.Held != nil {
				to = "/collection/imports/" + strconv.FormatInt(res.Held.ID, 10)
			} else {
				to = "/data?imported=" + strconv.FormatInt(res.Revision.ID, 10) + "&period=" + url.QueryEscape(v.Period)
			}
			http.Redirect(w, r, to, http.StatusSeeOther)
			return nil
		}
	}
	lang := pageLang(r)
	e := asError(err, lang)
	if e.Code != EUnprocessable && e.Code != EInvalid && !errors.Is(err, ingest.ErrForbidden) {
		return err
	}
	v.ErrorMsg, v.Errors = e.Msg.In(lang), details(e.Cells, lang)
	if err := s.buildData(r, v); err != nil {
		return err
	}
	s.render(w, r, statusOf[e.Code], "data", v)
	return nil
}
