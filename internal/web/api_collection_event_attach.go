package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// eventAttach attaches a file (multipart "file": the document with the
// 文号, a PDF or a scan) to the event {key}; whoever may record the event
// may attach to it.
func (s *Server) eventAttach(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return deny(c, "attach to events")
	}
	e, err := s.eventByKey(r, r.PathValue("key"))
	if err != nil {
		return err
	}
	res, err := s.eventResource(r, e)
	if err != nil {
		return err
	}
	if !auth.Can(c.principal(), auth.Write, res) {
		if !auth.Can(c.principal(), auth.Read, res) {
			return notFound("event")
		}
		return deny(c, "attach to event")
	}
	r.Body = http.MaxBytesReader(w, r.Body, workflow.MaxAttachment+1<<20)
	if err := r.ParseMultipartForm(workflow.MaxAttachment + 1<<20); err != nil {
		return asUploadError(err)
	}
	att, err := readAttachment(r, "file")
	if err != nil {
		return err
	}
	if att == nil {
		return invalid("bad.fileField")
	}
	a, err := s.db.AttachToEvent(r.Context(), c.actor(), e.Key, *att)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, attachmentOut(a))
	return nil
}
