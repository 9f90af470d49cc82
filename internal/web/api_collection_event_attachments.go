package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// eventAttachments lists the files attached to the event {key}, to those
// who may read the event.
func (s *Server) eventAttachments(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return deny(c, "read events")
	}
	e, err := s.eventByKey(r, r.PathValue("key"))
	if err != nil {
		return err
	}
	res, err := s.eventResource(r, e)
	if err != nil {
		return err
	}
	if !auth.Can(c.principal(), auth.Read, res) {
		return notFound("event")
	}
	as, err := s.db.Attachments(r.Context(), "event", e.Key)
	if err != nil {
		return err
	}
	out := make([]attachmentJSON, len(as))
	for i, a := range as {
		out[i] = attachmentOut(a)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
