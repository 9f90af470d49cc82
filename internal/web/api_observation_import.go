package web

import (
	"net/http"
	"path/filepath"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// observationImport imports a wide table (multipart field "file", .xlsx or
// .csv; optional fields sheet, period, status, note) as one revision, all
// or nothing, through the check rules like every import: 202 with the held
// import when soft rules flag figures (nothing is written until they are
// explained), 422 for hard findings. A column of an indicator the caller's department does not
// provide is refused with 403 before any cell is read; bad cells come back
// all at once with 422, each at its place.
func (s *Server) observationImport(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, ownScope(c, auth.KindObservation), "figures"); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	if err := r.ParseMultipartForm(16 << 20); err != nil {
		return asUploadError(err)
	}
	t, done, err := s.readUpload(w, r)
	defer done()
	if err != nil {
		return err
	}
	res, err := s.checkedImportOpts(r, t, ingest.Options{
		Note:   store.RevisionNote{Kind: "import", Source: t.File, Note: r.FormValue("note")},
		Period: r.FormValue("period"), Status: store.Status(r.FormValue("status"))})
	if err != nil {
		return err
	}
	if res.Held != nil {
		writeJSON(w, http.StatusAccepted, heldOut(*res.Held, langOf(r)))
		return nil
	}
	writeJSON(w, http.StatusCreated, revisionOut(*res.Revision))
	return nil
}

func asUploadError(err error) error {
	if _, ok := err.(*http.MaxBytesError); ok || strings.Contains(err.Error(), "request body too large") {
		return err
	}
	return invalidErr(err, "bad.multipart")
}

// readUpload reads the uploaded file as a table, by its extension, within
// the configured limits, once the import has a slot in the server's import
// queue. done releases the slot: call it when the import is over (it is
// never nil).
func (s *Server) readUpload(w http.ResponseWriter, r *http.Request) (t *table.Table, done func(), err error) {
	done = func() {}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return nil, done, invalidErr(err, "bad.fileField")
	}
	defer f.Close()
	name := filepath.Base(hdr.Filename)
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case xlsx.IsLegacy(name):
		return nil, done, xlsx.LegacyError(name)
	case ext != ".xlsx" && ext != ".csv":
		return nil, done, invalid("bad.fileType", name)
	}
	ticket, err := s.acquireImport(r.Context(), callerOf(r).user.Username, name)
	if err != nil {
		writeBusy(w)
		return nil, done, err
	}
	done = func() { s.releaseImport(ticket) }
	lim := s.cfg.Limits.Table
	if ext == ".xlsx" {
		t, err = xlsx.ReadTableFromWith(f, name, r.FormValue("sheet"), lim)
	} else {
		t, err = table.ReadWith(name, f, lim)
	}
	s.setImportState(ticket, importChecking)
	return t, done, err
}
