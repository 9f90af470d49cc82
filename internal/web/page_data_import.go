package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// dataImport imports an uploaded wide table (fields file, period, note) as
// one revision, all or nothing, and goes back to the page. A table with
// problems imports nothing: the page comes back (422) listing every
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
	t, err := readUpload(r)
	if err == nil {
		if err = s.checkColumns(r, t); err == nil {
			var rev store.Revision
			rev, err = ingest.ImportWideOpts(r.Context(), s.db, c.actor(), c.principal(), t, ingest.Options{
				Note: store.RevisionNote{Kind: "import", Source: t.File, Note: v.Note}, Period: v.Period})
			if err == nil {
				http.Redirect(w, r, "/data?imported="+strconv.FormatInt(rev.ID, 10)+"&period="+url.QueryEscape(v.Period), http.StatusSeeOther)
				return nil
			}
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
