package web

import (
	"net/http"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

type answerRequest struct {
	Decision string `json:"decision"` // keep or correct
	Value    *num   `json:"value"`    // the corrected value
	Answer   string `json:"answer"`
}

// objectionAnswer closes an open objection with the providing department's
// decision: keep (the figure stands) or correct (a new revision with the
// value, status corrected). JSON, or multipart with an attachment. Only a
// caller who may write the figure — its department, the provincial office —
// may answer; 409 when it is already answered.
func (s *Server) objectionAnswer(w http.ResponseWriter, r *http.Request) error {
	o, err := s.objectionFor(r, auth.Write, "answer objection")
	if err != nil {
		return err
	}
	var req answerRequest
	var att *store.NewAttachment
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		if att, err = parseThreadForm(w, r); err != nil {
			return err
		}
		req.Decision, req.Answer = r.FormValue("decision"), r.FormValue("answer")
		v, err := parseOptionalNumber("value", r.FormValue("value"))
		if err != nil {
			return err
		}
		n := num(v)
		req.Value = &n
	} else if err := readJSON(w, r, &req); err != nil {
		return err
	}
	out, err := s.db.AnswerObjection(r.Context(), callerOf(r).actor(), o.ID, workflow.Decision(req.Decision),
		nanNum(req.Value), req.Answer, att)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, objectionOut(out, nil))
	return nil
}

// objectionFor loads objection {id} and checks that the caller may do a to
// its figure (the figure's unit, prefecture and indicator's department).
func (s *Server) objectionFor(r *http.Request, a auth.Action, what string) (store.FigureObjection, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return store.FigureObjection{}, err
	}
	c := callerOf(r)
	if c.anonymous() {
		return store.FigureObjection{}, deny(c, what)
	}
	o, err := s.db.FigureObjection(r.Context(), id)
	if err != nil {
		return o, err
	}
	res, err := s.figureResource(r.Context(), o.Unit, o.Indicator)
	if err != nil {
		return o, err
	}
	if !auth.Can(c.principal(), a, res) {
		if !auth.Can(c.principal(), auth.Read, res) {
			return o, notFound("objection")
		}
		return o, deny(c, what)
	}
	return o, nil
}

// parseThreadForm parses a multipart answer or comment and its optional
// attachment.
func parseThreadForm(w http.ResponseWriter, r *http.Request) (*store.NewAttachment, error) {
	r.Body = http.MaxBytesReader(w, r.Body, workflow.MaxAttachment+1<<20)
	if err := r.ParseMultipartForm(workflow.MaxAttachment + 1<<20); err != nil {
		return nil, asUploadError(err)
	}
	return readAttachment(r, "file")
}
