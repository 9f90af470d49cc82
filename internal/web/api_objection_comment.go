package web

import (
	"net/http"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// objectionComment adds a comment (JSON {"body"}, or multipart with an
// attachment) to an objection's thread: either side — the county and its
// prefecture, or the department and the office — may.
func (s *Server) objectionComment(w http.ResponseWriter, r *http.Request) error {
	o, err := s.objectionFor(r, auth.Read, "comment on objection")
	if err != nil {
		return err
	}
	if err := s.mayTalk(r, o); err != nil {
		return err
	}
	var body string
	var att *store.NewAttachment
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		if att, err = parseThreadForm(w, r); err != nil {
			return err
		}
		body = r.FormValue("body")
	} else {
		var req struct {
			Body string `json:"body"`
		}
		if err := readJSON(w, r, &req); err != nil {
			return err
		}
		body = req.Body
	}
	m, err := s.db.CommentObjection(r.Context(), callerOf(r).actor(), o.ID, body, att)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": m.ID, "objection": o.ID, "body": m.Body})
	return nil
}

// mayTalk checks that the caller is a party of the objection: she may
// object to the figure or write it.
func (s *Server) mayTalk(r *http.Request, o store.FigureObjection) error {
	c := callerOf(r)
	res, err := s.figureResource(r.Context(), o.Unit, o.Indicator)
	if err != nil {
		return err
	}
	if auth.Can(c.principal(), auth.Object, res) || auth.Can(c.principal(), auth.Write, res) {
		return nil
	}
	return deny(c, "comment on objection")
}
