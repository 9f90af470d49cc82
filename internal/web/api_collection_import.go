package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// collectionImport imports a wide table (multipart: file, period, note)
// through the check rules: 201 with the revision when nothing is flagged,
// 202 with the held import and its findings (each at its cell) when soft
// rules flag figures — nothing is written until every flagged cell is
// explained (POST …/explanations) — and 422 with every bad cell, hard rule
// findings included, when the table cannot go in.
func (s *Server) collectionImport(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, ownScope(c, auth.KindObservation), "figures"); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	if err := r.ParseMultipartForm(16 << 20); err != nil {
		return asUploadError(err)
	}
	t, err := readUpload(r)
	if err != nil {
		return err
	}
	res, err := s.checkedImport(r, t, r.FormValue("period"), r.FormValue("note"))
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
